
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    and rsp, -16
    ldmxcsr [mxdef]
    call run_rnd
    call flush
    mov eax, 231
    xor edi, edi
    syscall

# put_hex: append the rcx low bytes of rdi (little-endian value) as hex, most significant first.
put_hex:
    mov [hexbuf], rdi
    dec rcx
1:  movzx eax, byte ptr [hexbuf + rcx]
    movzx eax, word ptr [hextab + rax*2]
    mov rdx, [outpos]
    mov [outbuf + rdx], ax
    add rdx, 2
    mov [outpos], rdx
    dec rcx
    jns 1b
    ret

put_char:
    mov rdx, [outpos]
    mov [outbuf + rdx], dil
    inc rdx
    mov [outpos], rdx
    ret

# put_str: rsi = NUL-terminated string
put_str:
    mov rdx, [outpos]
1:  movzx eax, byte ptr [rsi]
    test eax, eax
    je 2f
    mov [outbuf + rdx], al
    inc rdx
    inc rsi
    jmp 1b
2:  mov [outpos], rdx
    ret

flush:
    mov rdx, [outpos]
    test rdx, rdx
    je 1f
    mov eax, 1
    mov edi, 1
    lea rsi, [outbuf]
    syscall
    mov qword ptr [outpos], 0
1:  ret

maybe_flush:
    cmp qword ptr [outpos], 60000
    jb 1f
    call flush
1:  ret


run_rnd:
    push rbx
    push r12
    push r13
    push r14
    push r15
    xor r12d, r12d
.Lrnds:
    mov rsi, [rnd_names + r12*8]
    call put_str
    mov edi, 10
    call put_char
    xor r13d, r13d
.Lrndm:
    xor r14d, r14d
.Lrndp:
    mov rax, [rnd_modeptr + r12*8]
    mov eax, [rax + r13*4]
    mov [mxin], eax
    lea rsi, [r14*8]
    lea rsi, [rnd_pairs + rsi*4]
    movdqa xmm0, [rsi]
    movdqa xmm1, [rsi+16]
    xor eax, eax
    ldmxcsr [mxin]
    call [rnd_snips + r12*8]
    stmxcsr [mxout]
    ldmxcsr [mxdef]
    movdqa [res], xmm0
    mov [resrax], rax
    mov rdi, r13
    mov ecx, 1
    call put_hex
    mov rdi, r14
    mov ecx, 2
    call put_hex
    mov edi, 32
    call put_char
    mov rdi, [res+8]
    mov ecx, 8
    call put_hex
    mov rdi, [res]
    mov ecx, 8
    call put_hex
    mov edi, 32
    call put_char
    mov rdi, [resrax]
    mov ecx, 8
    call put_hex
    mov edi, 32
    call put_char
    mov edi, [mxout]
    mov ecx, 4
    call put_hex
    mov edi, 10
    call put_char
    call maybe_flush
    inc r14
    cmp r14, 160
    jb .Lrndp
    inc r13
    cmp r13, [rnd_nmodes + r12*8]
    jb .Lrndm
    inc r12
    cmp r12, 18
    jb .Lrnds
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

rnd_snip0:
    addps xmm0, xmm1
    ret
rnd_snip1:
    subps xmm0, xmm1
    ret
rnd_snip2:
    mulps xmm0, xmm1
    ret
rnd_snip3:
    divps xmm0, xmm1
    ret
rnd_snip4:
    sqrtps xmm0, xmm1
    ret
rnd_snip5:
    cvtps2dq xmm0, xmm1
    ret
rnd_snip6:
    cvtps2pd xmm0, xmm1
    ret
rnd_snip7:
    addpd xmm0, xmm1
    ret
rnd_snip8:
    subpd xmm0, xmm1
    ret
rnd_snip9:
    mulpd xmm0, xmm1
    ret
rnd_snip10:
    divpd xmm0, xmm1
    ret
rnd_snip11:
    sqrtpd xmm0, xmm1
    ret
rnd_snip12:
    cvtpd2ps xmm0, xmm1
    ret
rnd_snip13:
    cvtpd2dq xmm0, xmm1
    ret
rnd_snip14:
    movq rax, xmm1
    cvtsi2ss xmm0, rax
    ret
rnd_snip15:
    movq rax, xmm1
    cvtsi2sd xmm0, rax
    ret
rnd_snip16:
    cvtsd2si rax, xmm1
    ret
rnd_snip17:
    cvtss2si rax, xmm1
    ret
    .data
    .balign 16
rnd_snips:
    .quad rnd_snip0
    .quad rnd_snip1
    .quad rnd_snip2
    .quad rnd_snip3
    .quad rnd_snip4
    .quad rnd_snip5
    .quad rnd_snip6
    .quad rnd_snip7
    .quad rnd_snip8
    .quad rnd_snip9
    .quad rnd_snip10
    .quad rnd_snip11
    .quad rnd_snip12
    .quad rnd_snip13
    .quad rnd_snip14
    .quad rnd_snip15
    .quad rnd_snip16
    .quad rnd_snip17
rnd_names:
    .quad rnd_name0
    .quad rnd_name1
    .quad rnd_name2
    .quad rnd_name3
    .quad rnd_name4
    .quad rnd_name5
    .quad rnd_name6
    .quad rnd_name7
    .quad rnd_name8
    .quad rnd_name9
    .quad rnd_name10
    .quad rnd_name11
    .quad rnd_name12
    .quad rnd_name13
    .quad rnd_name14
    .quad rnd_name15
    .quad rnd_name16
    .quad rnd_name17
rnd_name0: .asciz "== rnd: A:addps xmm0, xmm1"
rnd_name1: .asciz "== rnd: A:subps xmm0, xmm1"
rnd_name2: .asciz "== rnd: A:mulps xmm0, xmm1"
rnd_name3: .asciz "== rnd: A:divps xmm0, xmm1"
rnd_name4: .asciz "== rnd: A:sqrtps xmm0, xmm1"
rnd_name5: .asciz "== rnd: A:cvtps2dq xmm0, xmm1"
rnd_name6: .asciz "== rnd: A:cvtps2pd xmm0, xmm1"
rnd_name7: .asciz "== rnd: A:addpd xmm0, xmm1"
rnd_name8: .asciz "== rnd: A:subpd xmm0, xmm1"
rnd_name9: .asciz "== rnd: A:mulpd xmm0, xmm1"
rnd_name10: .asciz "== rnd: A:divpd xmm0, xmm1"
rnd_name11: .asciz "== rnd: A:sqrtpd xmm0, xmm1"
rnd_name12: .asciz "== rnd: A:cvtpd2ps xmm0, xmm1"
rnd_name13: .asciz "== rnd: A:cvtpd2dq xmm0, xmm1"
rnd_name14: .asciz "== rnd: A:movq rax, xmm1; cvtsi2ss xmm0, rax"
rnd_name15: .asciz "== rnd: A:movq rax, xmm1; cvtsi2sd xmm0, rax"
rnd_name16: .asciz "== rnd: A:cvtsd2si rax, xmm1"
rnd_name17: .asciz "== rnd: A:cvtss2si rax, xmm1"
rnd_modeptr:
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
    .quad modes_all
rnd_nmodes:
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .quad 5
    .balign 16
rnd_pairs:
    .quad 0x81eb7b33c0ba6237, 0xa8ce1e473e7f0105, 0x3ef5aa9c3f6bf3bb, 0x8199f444928066c9
    .quad 0xc02fbf4d3dbf56ac, 0x4d1cd14324c60301, 0x7dafda6e8de16f47, 0x400565563dfb9c59
    .quad 0x40e669db222e5d21, 0x67fb1aaf8c2db3c8, 0xc031be941347a75a, 0xcc5bed589a07f8e9
    .quad 0x402ee7298dbf0c82, 0xbfb820dd74c1121b, 0x251a510731d176ff, 0x3fb4e83272948bd2
    .quad 0xa4e1612941231645, 0xbdf4bcf8403fc9ab, 0xf95df116c02d6b81, 0x3f4eadea3f1fcf74
    .quad 0x73cf3c63bd100a31, 0x3fe3b30b33e48665, 0xfc8fc801a03c7629, 0x206466b76baea485
    .quad 0x4bbb6b7dbed8788c, 0x3f64b4ee278662eb, 0xc10efecbd08c8607, 0x90213015a5de31f6
    .quad 0xbfd822534e82d735, 0x1eb9cb8d6dfabfdb, 0xbcabca15e6bddc64, 0x93713739a4333edc
    .quad 0x2638fd3e412d6fa1, 0xea1ace42104e0344, 0x9c3cd288c0f72b5e, 0x5e23a07f7421092d
    .quad 0xa004e0c7b3d718ff, 0x1fa6da42f875690e, 0xa03423bacd46005c, 0x9ee38e481fef1b5c
    .quad 0xa0fb1bceab29926a, 0x297dd1851458de79, 0x4170dd300817eb66, 0x9473f2eb40f0708a
    .quad 0x481c81d103cccfce, 0x9fac9ae900a365d1, 0xa14af40a7875775a, 0xbfdfb214c95b0b34
    .quad 0x3e3beb424129f022, 0x99e64d0cef620c14, 0x3f54d793c0784296, 0x6ae0ba095b3ffafc
    .quad 0x2083684eeb11d93d, 0x2131b36aa20815cf, 0xc91c9104dbb89624, 0xc0278fbaf2feee08
    .quad 0xfe74f7f79d4991d4, 0x1abc71dfa04203d8, 0xd29062c190619efc, 0x2a7342e03f40d244
    .quad 0xa08aa82e54411c65, 0x58ad8a277518271d, 0x3ff7847d993e7013, 0xa00f601033f46833
    .quad 0x1fb7173b9dc9ec23, 0xbfb9793abffdd7d5, 0x92c0534295820548, 0xca12e8e298f94364
    .quad 0x9fa9da4ada2cb5b3, 0x2043e40a9233e018, 0x3ff0fcf9745c81d8, 0xa0e36e889c194edb
    .quad 0x97568053bfa5aa86, 0x3e1c53e0c0875993, 0x6f62fba1c12c9347, 0x12687c7abee7f616
    .quad 0x94b94b0d7fddf202, 0xc00bed023ed28966, 0x3fe1c3ceb4c9b5f4, 0xa1f63f9a9a4ddb9f
    .quad 0xab9fe567342c47e8, 0x17162eebbd9b636d, 0x1ce412463d0bd876, 0x3f51b075af418be2
    .quad 0xfae7aecc7268ae55, 0xa163361af1ff4a49, 0xc0088dfb5fbd069d, 0x2047a4e011307bd0
    .quad 0xbe0db7391ab8ef27, 0xac6181539c534217, 0xc1671a3cbff47691, 0xed9bf4bec2f6db08
    .quad 0x21de7dac0be42cd7, 0x400395ed4dfe314e, 0xa1dbbdaa93985eac, 0x3ffd04fca15f4511
    .quad 0x957db824bf589fdb, 0x2591cac0e78aca54, 0xa474e6a723255955, 0xaae03ca7bdc846aa
    .quad 0x1fde5db7c504351e, 0x32eb2e1c18c8baf4, 0x4027374d288b1681, 0xbfd24ae7f31780ec
    .quad 0x180723842dd614ed, 0xbf038c9a3e484cc3, 0x9ed52419b4f4ed03, 0x8f4be901e6b2a811
    .quad 0x4014c693faad1e93, 0xd9f59f2ed511806e, 0xbff13cab0d0a78ee, 0xa181389779ad979f
    .quad 0x908846e616a8cb70, 0xa6d56974a56e2feb, 0xf3d9531bbb121ea6, 0x3faee4b340ee477d
    .quad 0xa1b57b6afc95f5ba, 0xa116b1fc5304f0d1, 0xa00c20e22e64ed70, 0x9f8498be1ff978aa
    .quad 0xc08ac1da2c3be0db, 0x98f8795ca686e2d9, 0x26b6a593acc85eae, 0x1aaf41809045cc18
    .quad 0x3fe793f130b27f03, 0xc001e5d5c7d6bb3d, 0x4011f6b5bc86790b, 0x7d87d2797325739
    .quad 0x635ec9acbec0ddd7, 0x89a895c19e129f3f, 0x3e7ea1033eaf94aa, 0xbfc64c38bf987c81
    .quad 0xa8e28e5522ebcea0, 0x4d04d4f29f3b13d, 0xb21321f6cf55b91f, 0xa029a2e12bdcb5ad
    .quad 0x9382d9893f9fc786, 0x2eb81fc6ad2f9e7a, 0xbe152485c0625e79, 0xbe23739314cf8f8c
    .quad 0x3e8be853597fb1b4, 0xfccfcc5511b9a3d7, 0xc02127af6b28c550, 0x8ed8ed9466d1c0da
    .quad 0x3d8c8130be4115db, 0xbdf2b71a4097d432, 0xf6515a5d9999d4f4, 0x2773ae763f55cfa9
    .quad 0xa147f4e5407f14aa, 0x1e5a450c77a98003, 0x21697623d2a0b3c3, 0xe00e0cdef996264
    .quad 0x2d880533099249a0, 0x611777ca2a0839f9, 0x1d675d32a7ffeba5, 0x9fe9aa369c7b9f08
    .quad 0x400a45edb5d034e2, 0xbffec4e4c43cec0b, 0xc66c66c67128f713, 0x3fe35398ad6f023d
    .quad 0x402f8cdf84c0f379, 0xaeb2cf8ea8850406, 0xa308d8c2408a8991, 0x5c06384017ceb9f3
    .quad 0xbfbe60d436642430, 0x408408db4377e078, 0xc013b678f77611b8, 0xbfe023903e1d939b
    .quad 0x96652d201b0e2e7c, 0xa84558a42fb4af7a, 0x1ef810a3c0077b15, 0x2f42cb925899a842
    .quad 0xbf53f5fe8aacea85, 0x21f1ff4525f3b210, 0xe036036107fed174, 0xa17a170e03c7f1d6
    .quad 0xaf625f62bdeccbb5, 0x3f46545a1a80035c, 0x57b7b3eeaf708e72, 0x1c4166872f31e709
    .quad 0xa1effeb2cb35a58a, 0x21a7ba6c0ff9ec41, 0x402667ce4ba72fd9, 0x1e7047e6b48cb7c6
    .quad 0x136ab057a8629f29, 0x40dac81617c290f7, 0x215222f6cfadb806, 0x3de170059e13fb33
    .quad 0x40166ee759d313a5, 0xbb33b3777854fcc2, 0x401fdec3577525bb, 0x3abbab0e2a45c130
    .quad 0xceeeac3f222306b2, 0x955be65a19189ea7, 0x374d4598ae638716, 0x99c4fca11a30b913
    .quad 0x20c6ecea424c7d18, 0x8a78a703cdb0a3e2, 0xbfebcbf646357a25, 0x3fb77870fb813991
    .quad 0x26db4bdd17ce7fa2, 0x2bffd3de645daa0a, 0x15e62d8e69741bf9, 0xba523191c1234255
    .quad 0x21b47b0dd0e0d1b2, 0x3fbfb81590613c91, 0x219df93471ccfaa8, 0x1ebb8b6a67fec95d
    .quad 0xc142adc810b6c38f, 0xace4d8e63da35a93, 0x42d862c6922fe8d7, 0x9449a0043fc1a383
    .quad 0x2ff2ffe7cb55b244, 0xc001354e77a70820, 0x400a8d517fee4e30, 0x2fd2fd61d21c1eac
    .quad 0xacf1d9ca3dc80d91, 0x928bf6a8827008f9, 0x2aa37a9325a04b45, 0x17fb4ad7942df8a6
    .quad 0x9f6ad6691505e982, 0xa0d86debbec7c2d1, 0x3fb130269238d914, 0x400b9db591446da6
    .quad 0x8b49b524ac334cfd, 0xa3b18110a23eef4e, 0xbf1303de1f30a612, 0xbe410e3d80551259
    .quad 0x3ff444c96cd2a361, 0x1eeece1e6201fe67, 0x73a73ab7e9c0845b, 0x22922972019f7393
    .quad 0xbdee9127be5ac9b4, 0x9c3f014ec91ae5c5, 0x64784415158deccc, 0x2de9c4be3f0111dd
    .quad 0x1e04406f0f01f8b7, 0x40128e22437b3686, 0xbffd1400fd36a16b, 0x5dbddb22889bf6e9
    .quad 0xbffe4ef219225b44, 0xbca7b3b29dd34eef, 0x1f6729b5e2e65055, 0xab49f973445d2aa6
    .quad 0xa0e56e20c64e5641, 0x7a97a93a2bc57aad, 0xa0e12ea9f7a9fb18, 0xbfd77acaac876eee
    .quad 0x7043eb44bdbe1bb3, 0x3f23b76926d73d92, 0x9d089593be770a47, 0x1acb577840e48078
    .quad 0x9ecccc062a0a1fd6, 0xa1fbbf139bf13e69, 0x2115b17dabee6655, 0xc02dffdd78588fd9
    .quad 0x10d0f0d740fce886, 0xc16d227f29ad84f6, 0x9939d634906787fb, 0x14b82bc924d2a898
    .quad 0x3fb5d0a3869289de, 0xbfe9eb3d029c1b4d, 0x6e06e14fc80503b, 0xdaa5aab383dc3e5b
    .quad 0xc0f60bc65ad170e7, 0x1621c5bd3ed3d651, 0x3f1610643fe24976, 0x1f2d2f0e042da544
    .quad 0x3fb99029b4e176d0, 0x47d47de6f175003d, 0x9f1f912f4b2a457d, 0xa43a43bf4aeceeb7
    .quad 0x14fa10dfbfc07aaa, 0x180b14d89814333e, 0x3b7f7ad89da934f1, 0x1e160109278c322d
    .quad 0xa1cc3c7a20c24f4b, 0x400ee5605fd37915, 0x1e27c26771de3aa7, 0x4007e5cb91c3cf12
    .quad 0x7f9c9c94c069cc0c, 0x1c525ec2a5700ad, 0x97ef17ce924554a7, 0x697d43d51480fa61
    .quad 0x2a62a637171fec12, 0xbfd3cacc6ddc974a, 0xeb26b26e6903bce4, 0xbff44cf48798029d
    .quad 0x9de2abb39c7435d8, 0x2f3b06e03ff6e224, 0xf394003c4129c8ed, 0x3e951f72a2fba73c
    .quad 0x89b09b858eaea9cc, 0xfdc7dc44f41e079f, 0x9a99a94ac2243c50, 0xbfd0a2a699756028
    .quad 0xd9ec2fe93f4a80e8, 0xc041ea2d3e3d2df6, 0xbdd1207cbf7642b9, 0xa5d4ae06773e1d3c
    .quad 0xa0c66c19f99846da, 0xbfbf10cfa50f80d7, 0x3fdb1ad81d934a16, 0x93913928f23c2902
    .quad 0x3f0e81733fd251d0, 0x410c19b0c0daa0b1, 0xaa7e6398c0076d83, 0x408dfc6daf99795f
    .quad 0x3fc8c929a03a5cd5, 0xbfd38a3bcc2fbd2c, 0x4009f5a315512956, 0x3e8be8111f131e84
    .quad 0x653fc7ca964819b9, 0xc0b33b90be900ac5, 0x19dda554a9c2b9e7, 0x3ed54b082f43cb1e
    .quad 0x1e928914b753239e, 0x6c26c2cc6a34a259, 0xc01ec61311397d5d, 0x970970a3a721f8e7
    .quad 0x14205593bda162d6, 0xc01dd9db105b11f8, 0x25cb2741b77cf4a8, 0x2f03fa0d2884414f
    .quad 0x9eb28ba0c5f8deb9, 0x6bd6bd1ea31ba144, 0xbfddda95a2914706, 0x3fd79ad0cd756408
    .quad 0xaa77d3d9b1378cc0, 0xcf75ec6a96a4ea3e, 0xbe4c39083eb45d32, 0xbfc6883cfefae37a
    .quad 0x74e74e89dbfb8a2c, 0x576d76cbab9b7638, 0x94214212297eced4, 0x1f7357b987d70649
    .quad 0xbfd58f71bfda1a05, 0x3ef0aa5f6f4cd82f, 0x9f40aa72c0623ccb, 0xbf1955c92e45f7a6
    .quad 0xf45745ee1c8b3522, 0x9fa95ac5d34b2bc8, 0x4004bdd170604f9f, 0x3fb4483bd2e088c0
    .quad 0xb829762bfdd79d1, 0xbe4055d93db60acc, 0x9256a2b4bfd68332, 0xa9cac2f43f3e22f1
    .quad 0xc02a172a0ef16a71, 0xc025bfa9a23234e5, 0xdbc5bc37a8ffc9cc, 0xfcd7cd718bdbc55f
    .quad 0xbec859df213cc515, 0x1ebe5711a5915eac, 0x407aa3a015b9cfff, 0x1f6d9a5a403ebee7
    .quad 0xbfde926d59ec97ee, 0xbfdf0a2c80057541, 0xbfdda2f869260feb, 0x9e97c996a3e2d934
    .quad 0x402b03a596b9d186, 0xbf8df25b144b1ce2, 0x65570881be941f7f, 0xac5a9b9dbe44a6d0
    .quad 0xbe8be84eaf0669ea, 0x2043a42b818d5fb9, 0x205525ef08a28b46, 0x3fe48b8110d9dfd0
    .quad 0x9021349f1f2b986f, 0x3f1277d4aea5b136, 0x4016dab73d89263b, 0x56513d371a3bbac2
    .quad 0xa11b712d0042328d, 0x9f5d95b867cfb5a8, 0xbfb4e8c393de40c3, 0xdb55b56e7275ac82
    .quad 0x3d8529d5d3dc275b, 0x2475c0ab16a3f6c6, 0x3f7237a9a63661ea, 0x3f745c35aaf21986
    .quad 0x1f599563e83819cd, 0x2069661b57abbabe, 0xe016018cf82b824b, 0x727f2750d46c278f
    .quad 0x80d785f831bcfc00, 0xeedb0a9a9a0154f3, 0x3f04517bbfb45a0f, 0xbde60597bfc26719
    .quad 0xbfeb13e8d2b94c5c, 0x9ec40c25d74ca9c4, 0x202ea24059dec197, 0xbfcec9f68547f9d4
    .quad 0xd40025e18a478327, 0xc0b15191170b7dea, 0x1bde831cbdb47772, 0x3f0bcf68c0d8791a
    .quad 0xc01f56be49a302f6, 0xa15d35e94f483973, 0x1ed80dd5637495c1, 0x2088a8a6df7b2caa
    .quad 0x8b2b37d30c7db073, 0x936c1f969a9af57c, 0x1e6737ad3dbfe229, 0x9f5021679f39b282
    .quad 0x2081e8ed1c9738e5, 0xa1b97b101bd48fd4, 0x3fb8d0eef8ac53cb, 0x40072d85b76899ac
    .quad 0xbf64f3186f2ba39f, 0x9b738e871c46fcfe, 0x3dc1de8a3ed0285a, 0xda5c5108a8f1bfb7
    .quad 0x9fa0dab0931dabaa, 0x9851850af4de3a7d, 0x919919cb6364b949, 0x1e210206bf53027b
    .quad 0x9e6eadcabf5c5abf, 0xa46c16d50b784211, 0x2443140f1410dbb8, 0x98fb06c4bdf771e7
    .quad 0x80600619fb62c1c9, 0x1efccf3de409560a, 0x20b12bf0bb198626, 0x3dbbdb7f559efcaa
    .quad 0xa1a84c443fb9abd3, 0x1b4af3c72ec48ddc, 0x8abb650fc17577e0, 0x3f145a254125b005
    .quad 0x20f92f6c31e45bd1, 0x517517d495a74726, 0x3fca8118bde90028, 0x3fb228276687d828
    .quad 0xbf18a8238609dd98, 0x7e3532902267f1b3, 0x2455484cc114fcf5, 0x149d6e3f3df471dc
    .quad 0xbfc0a91815493b23, 0xa2c22c7453630195, 0xa192193a069b02d6, 0xffbffb4236aa4153
    .quad 0x97b7fb133edf2111, 0xbefcb505bb163025, 0x27d629b5e217ad2f, 0xa575adb7928648a6
    .quad 0xc002f560dca2cb2c, 0x9ea54ab0e7b8c5ba, 0x2111710845939ab1, 0x85c85c19212031c4
    .quad 0x21d878662a1880a7, 0x400fb0b4ca921116, 0xfc1ccd90136d02d5, 0x9cd25beb40d4900b
    .quad 0xffeffe8dfd35659c, 0xbfe273e2d78be857, 0x80e80ee9995a0a47, 0x9ec78cfcc284cf93
    .quad 0x968fc149bf5842cc, 0x40d12912bf63ac8b, 0x2aed9edf12f08fc0, 0x2fe4e286bf9c1222
    .quad 0xbfe7bb2473404ac3, 0x216ff6fed7c01a96, 0x1fec5e29277dff23, 0x3e3be3624d92ac1d
    .quad 0xbfda5919aaab2e05, 0xf248b83c15548beb, 0x3dc1ba003e07a64c, 0xbeddb106be6ab974
    .quad 0xe1c61c4470028be4, 0x4000fd1946daf7f3, 0x50ad0a4021acdedc, 0x2060666e31c1b061
    .quad 0x2bfe7b1796400b41, 0xe47f77251e3ea221, 0xe142438a1f70e08b, 0xa915fe06402c658d
    .quad 0x9f9299901810947a, 0xa067e6b2f92eebd2, 0x48e48edc0f160285, 0xbffa7490ed582fc0
    .quad 0x1b67f68033cf6f9f, 0xa0c3551f2e1b996d, 0xad4151dd40cc7475, 0xc0c7d5b63f8f043e
    .quad 0x3ff554031891f79d, 0x40047522224a9332, 0x1fc79c90b3e48a94, 0x9f43541f37f16681
    .quad 0x12659904be0f040c, 0xc0e9579027649336, 0x9a77583d95cb613f, 0x2d4b9ebe262a19cd
    .quad 0x9ea34a25c49a6603, 0x517517c68154b20f, 0x3fdde2153e6d78ab, 0xa1b5fbe6f16ee89a
    .quad 0xc27da7ac21b353cb, 0xbed9e14c3fa737e3, 0x3ed3810d4051818e, 0x404735051aa1c54f
    .quad 0xa412412947e15a2f, 0x6b86bfd20cbf35b, 0x1ec78c4032e7d27d, 0xa17bf77ab40b2299
    .quad 0x12c814f913c0b29c, 0x98eaa5a5aa4d9a90, 0x150af55da1f3b9ae, 0x2622761811be17f7
    .quad 0x3fb390a2994cb4f4, 0x40223f9738f7909d, 0x9eb34bdb2889f8fc, 0x3fc259e52ba3540d
    .quad 0x2cf6bdc6136ab1e5, 0x3fdfadbf3351e13d, 0xa178a91e9cfe9d24, 0xd7ba417390f6dfcc
    .quad 0x2176771832cc0931, 0x9faddab8ca4bfd63, 0x3bb3bb6ef23e5259, 0x26da6de85b7f98bd
    .quad 0xc0d41a1d3320e8cc, 0xbe7e6c0314419569, 0xbfeca13ba79bf01b, 0xc04db854213056b9
    .quad 0x1ea60a86407ab624, 0x746f462a90034a48, 0xa19179731100dedc, 0xffc7fcf87c0ce861
    .quad 0x206ad422d3a0c9f1, 0x2c9de118bf55490a, 0xa755e763c1069cda, 0x8c24b4c53efdf46d
    .quad 0x9e6d86513a2f6cec, 0xbfd8b26dec778935, 0x213b732bcda58b67, 0x2124b2ebb152f9b1
    .quad 0x956728a23fbc1002, 0x40e6c9af46dd8e73, 0xdde8ede3408e8ffc, 0xf064a8b19ed924f8
    .quad 0xbfcc61bf08846da0, 0x9e3b43dac0cc0d7b, 0x354b543790a3aba1, 0x91991957eb7024b6
    .quad 0x94e518ed9dc7297f, 0xbeed120f235e499c, 0x40ea7c7c4026abeb, 0x103cf4eb3fd13784
    .quad 0x400a050e0ae5d7c2, 0x3fc7b9214ca7aced, 0x3fe3730423a078f4, 0x9e96c951c6ed8505
    .quad 0x54fbf3f16abfbf4f, 0x3f9cf866157ad856, 0x90f231a695f61816, 0x403775fd9f5c7c45
    .quad 0x3fb45087824ec456, 0x1e55456cdecd8c5e, 0xb04304398414c0c6, 0x3fb428ba5bba18c7
    .quad 0xbedfcfcc907fbd36, 0xbead8395ae1a0353, 0xc15a326940cd9dd2, 0xb80ff575283d3c4d
    .quad 0xde4de42902fc17df, 0x9efc8ff19d67f830, 0x3fb5886faf253bc0, 0xab12b1eb1d2381b7
    .quad 0xbf9558e245274b74, 0x2ce05606be440ad3, 0x27a8b0042276d72a, 0x2cf9eba493896064
    .quad 0x722f22ff8fd97173, 0x3fe223cb5616ff51, 0x1eab8a45d73126ef, 0x401dfed48acf1f62
    .quad 0xccea7cef034919dc, 0x40166eb1e49473d6, 0x3fb950b0284ace2c, 0x2dffd84d12390e11
    .quad 0x1f8798c8828194bd, 0xc0201765b0de18d4, 0x8268267aace911e5, 0x5e05e9074c41a86
    .quad 0xc5ad64153d9df333, 0xbfe779ea94d29b9d, 0x411388c297a18d99, 0x6f56462d2916df53
    .quad 0x214df4c121b7c1e1, 0x437c3727da7cf622, 0xc00fb5931aadc74e, 0x3fe4f36a31808f40
    .quad 0x3f5d216240945e5e, 0xa4938aa7bdf083a0, 0x10fb713a3de4e472, 0x6cd8b84ab7b38958
    .quad 0xbfedc3bf6f3c5bba, 0x431c31034e998d8d, 0xc0241fcd247a7dd6, 0xa3ea3e1a964d3cad
    .quad 0xc26deecf98932d94, 0x94e2e29fa63866d2, 0x37fc50dbbdab609a, 0xae9ca3c723d9feba
    .quad 0xbfca5169a39e8b40, 0xc02727f68abf6656, 0x3ff44c3ebe8d4d1a, 0x9ee08ed86b005100
    .quad 0x2c717501412611a2, 0x130cdc840950f7ab, 0x3ff5d7b5be8e643d, 0x996eeb383fc6715a
    .quad 0xee06e0eeca3ff8ee, 0x5e15e14a9e767c9f, 0x2f92f96df60a57a6, 0x2127f22d30956a89
    .quad 0x25894a984ac7c21c, 0x216552b1ad47fe0d, 0xc022797cc07c1454, 0xc0521ecb98cfe28e
    .quad 0xc53c534008c16836, 0x9f1f51e4db402766, 0xa01d613ebb43bea8, 0xf81f812546a593d5
    .quad 0xa58d042928d28db2, 0xbf21664940b53461, 0xa8c2c0a8a32396c5, 0xc0b70db740c46f29
    .quad 0xbfc731f5916eee6c, 0x9e8c08abad5a28b0, 0xbff71cc3885eb0e1, 0x1eea8eefe57e15c0
    .quad 0x401c3c1899df99eb, 0x1ac5a464001f0260, 0x984b0e404159b62c, 0x3e65d34c9e26085c
    .quad 0xbfb66018a8504bea, 0x8d70d726279551fd, 0x512d12906c8da41e, 0x4017d6432a1278d6
    .quad 0, 0, 0, 0
    .balign 16
oneps: .long 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000
absps: .long 0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff
tolps: .long 0x39c00000, 0x39c00000, 0x39c00000, 0x39c00000
tol2ps: .long 0x3a400000, 0x3a400000, 0x3a400000, 0x3a400000
modes_all: .long 0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0
modes_daz: .long 0x1f80, 0x1fc0
modes_one: .long 0x1f80
mxdef: .long 0x1f80
hextab: .ascii "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
    .bss
    .balign 64
fxarea: .skip 512
scratch: .skip 64
res: .skip 16
resrax: .skip 8
hexbuf: .skip 8
outpos: .skip 8
mxin: .skip 4
mxout: .skip 4
mxsave: .skip 4
    .balign 16
outbuf: .skip 65536
