import json, re, sys
jmh1 = json.load(open('run1-jmh.json'))
jmh2 = json.load(open('run2-jmh.json'))
# run 2 (quiet re-run) replaces AeadBenchmark.seal and BaselineBenchmark; open and X25519 come from run 1
keep = [e for e in jmh1 if not (e['benchmark'].endswith('AeadBenchmark.seal') or 'BaselineBenchmark' in e['benchmark'])]
jmh = keep + jmh2
R = {}
for e in jmh:
    b = e['benchmark'].split('.')[-2] + '.' + e['benchmark'].split('.')[-1]
    p = e.get('params', {})
    key = (b, p.get('suite'), int(p['size']) if 'size' in p else None)
    m = e['primaryMetric']
    R[key] = (m['score'], m['scoreError'], m['scoreUnit'], m.get('rawData'))
# openssl
txt = open('openssl.txt').read()
O = {}
for block in txt.split('=== openssl speed -seconds 2 ')[1:]:
    cmd = block.splitlines()[0].strip()
    lines = block.splitlines()
    hdr = None
    for i, l in enumerate(lines):
        if l.startswith('type') and 'bytes' in l:
            hdr = [int(x) for x in re.findall(r'(\d+) bytes', l)]
            vals = lines[i + 1].split()[-len(hdr):]
            d = {s: float(v.rstrip('k')) * 1000 for s, v in zip(hdr, vals)}
            base = re.sub(r'-bytes \d+ ', '', cmd)
            O.setdefault(base, {}).update(d)
        m = re.search(r'ecdh \(X25519\)\s+([\d.]+)s\s+([\d.]+)', l)
        if m:
            O[cmd] = {'s_per_op': float(m.group(1)), 'ops': float(m.group(2))}
pass
SIZES = [64, 256, 1024, 16384]
def f_ops(x):
    if x >= 1e6: return '%.2f M' % (x / 1e6)
    if x >= 1e3: return '%.1f k' % (x / 1e3)
    return '%.0f' % x
def f_mb(x): return '%.0f' % (x / 1e6) if x >= 10e6 else '%.1f' % (x / 1e6)
def pct(s, e): return '±%.0f%%' % (100 * e / s) if s else ''
out = []
suites = ['AES_CCM_8', 'AES_CCM_16', 'AES_GCM_8', 'AES_GCM_16', 'AES_CMAC_96', 'CHACHA20_POLY1305', 'ASCON_AEAD128']
for s in suites:
    out.append('\n#### %s\n' % s)
    out.append('| payload | seal ops/s | seal MB/s | open ops/s | open MB/s |')
    out.append('|---|---|---|---|---|')
    for z in SIZES:
        se = R[('AeadBenchmark.seal', s, z)]; op = R[('AeadBenchmark.open', s, z)]
        out.append('| %s | %s (%s) | %s | %s (%s) | %s |' % (
            ('%d B' % z) if z < 1024 else ('%d KiB' % (z // 1024)),
            f_ops(se[0]), pct(se[0], se[1]), f_mb(se[0] * z), f_ops(op[0]), pct(op[0], op[1]), f_mb(op[0] * z)))
out.append('\n#### Baselines (seal, same run)\n')
bl = ['bcCcm16Seal', 'jdkGcm16Seal', 'jdkChaCha20Poly1305Seal', 'bcChaCha20Poly1305Seal', 'bcAsconAead128Seal', 'ourCmac', 'bcCmac']
out.append('| benchmark | ' + ' | '.join('%d B' % z for z in SIZES) + ' |')
out.append('|---|' + '---|' * len(SIZES))
for b in bl:
    row = []
    for z in SIZES:
        v = R[('BaselineBenchmark.' + b, None, z)]
        row.append('%s (%s), %s MB/s' % (f_ops(v[0]), pct(v[0], v[1]), f_mb(v[0] * z)))
    out.append('| %s | %s |' % (b, ' | '.join(row)))
def ratio_row(name, num, den):
    cells = []
    for z in SIZES:
        a = R[num + (z,)][0] if not callable(num) else num(z)
        b = R[den + (z,)][0] if not callable(den) else den(z)
        cells.append('%.2fx' % (a / b))
    return '| %s | %s |' % (name, ' | '.join(cells))
out.append('\n#### Ratios\n')
out.append('| ratio (throughput, same run) | 64 B | 256 B | 1 KiB | 16 KiB |')
out.append('|---|---|---|---|---|')
A = lambda b, s: ('AeadBenchmark.' + b, s)
B = lambda b: ('BaselineBenchmark.' + b, None)
out.append(ratio_row('our CCM-16 seal / BC CCMBlockCipher seal (target >= 4x)', A('seal', 'AES_CCM_16'), B('bcCcm16Seal')))
out.append(ratio_row('our CCM-16 open / BC CCMBlockCipher seal', A('open', 'AES_CCM_16'), B('bcCcm16Seal')))
out.append(ratio_row('our GCM-16 seal / bare JDK GCM seal (target >= 0.80)', A('seal', 'AES_GCM_16'), B('jdkGcm16Seal')))
out.append(ratio_row('our GCM-8 seal / bare JDK GCM seal', A('seal', 'AES_GCM_8'), B('jdkGcm16Seal')))
out.append(ratio_row('our AesCmac / BC CMac', B('ourCmac'), B('bcCmac')))
out.append(ratio_row('our CMAC-96 seal / BC CMac', A('seal', 'AES_CMAC_96'), B('bcCmac')))
out.append(ratio_row('our Ascon seal / BC AsconAEAD128 seal', A('seal', 'ASCON_AEAD128'), B('bcAsconAead128Seal')))
out.append(ratio_row('our ChaCha20-Poly1305 seal / bare JDK ChaCha20-Poly1305', A('seal', 'CHACHA20_POLY1305'), B('jdkChaCha20Poly1305Seal')))
out.append(ratio_row('our ChaCha20-Poly1305 seal / BC ChaCha20Poly1305', A('seal', 'CHACHA20_POLY1305'), B('bcChaCha20Poly1305Seal')))
out.append(ratio_row('our CCM-16 seal / our GCM-16 seal', A('seal', 'AES_CCM_16'), A('seal', 'AES_GCM_16')))
out.append('\n#### vs OpenSSL (bytes/s ratio, ours / OpenSSL)\n')
out.append('| ours vs OpenSSL command | 64 B | 256 B | 1 KiB | 16 KiB |')
out.append('|---|---|---|---|---|')
def vs(name, key, cmd):
    if cmd not in O: return
    cells = []
    for z in SIZES:
        a = R[key + (z,)][0] * z
        cells.append('%.2f (%s MB/s)' % (a / O[cmd][z], f_mb(O[cmd][z])) if z in O[cmd] else 'n/a')
    out.append('| %s vs `%s` | %s |' % (name, cmd, ' | '.join(cells)))
for cmd in ['-evp aes-128-ccm', '-aead -evp aes-128-ccm']:
    vs('CCM-16 seal', A('seal', 'AES_CCM_16'), cmd)
    vs('CCM-8 seal', A('seal', 'AES_CCM_8'), cmd)
for cmd in ['-evp aes-128-gcm', '-aead -evp aes-128-gcm']:
    vs('GCM-16 seal', A('seal', 'AES_GCM_16'), cmd)
    vs('bare JDK GCM seal', B('jdkGcm16Seal'), cmd)
for cmd in ['-evp chacha20-poly1305', '-aead -evp chacha20-poly1305']:
    vs('ChaCha20-Poly1305 seal', A('seal', 'CHACHA20_POLY1305'), cmd)
vs('AesCmac', B('ourCmac'), '-cmac aes-128-cbc')
vs('CMAC-96 seal', A('seal', 'AES_CMAC_96'), '-cmac aes-128-cbc')
out.append('\n#### X25519\n')
x = O.get('ecdhx25519', {})
for b in ['agree', 'publicKey', 'bcScalarMult']:
    v = R[('X25519Benchmark.' + b, None, None)]
    extra = ' = %.2fx OpenSSL time' % (v[0] / ((1e6 / x['ops']))) if x else ''
    out.append('- %s: %.1f µs/op (%s)%s' % (b, v[0], pct(v[0], v[1]), extra))
if x: out.append('- openssl ecdhx25519: %.1f µs/op (%.0f op/s)' % ((1e6 / x['ops']), x['ops']))
print('\n'.join(out))
