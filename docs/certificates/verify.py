#!/usr/bin/env python3
"""Checks a reetrace certificate with the Python standard library and openssl, and no reetrace code.

usage: verify.py CERTIFICATE.vc.jwt did.json [status-list.jwt]

1. the Ed25519 signature over the JWS, with the key the issuer's DID document names (openssl pkeyutl);
2. that the key is one of the issuer's, and the issuer the DID document's;
3. the inclusion of the lot's last event in the regulator's log (RFC 9162), under the checkpoint in the proof,
   whose signed-note signature openssl checks with the same key;
4. with a status list, that the certificate's bit is not set.
"""
import base64, gzip, hashlib, json, os, struct, subprocess, sys, tempfile


def b64url(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def ed25519_ok(raw_key, message, signature):
    """openssl pkeyutl checks an Ed25519 signature; the key is written as a PEM SubjectPublicKeyInfo."""
    spki = bytes.fromhex("302a300506032b6570032100") + raw_key
    pem = "-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(spki).decode() + "\n-----END PUBLIC KEY-----\n"
    with tempfile.TemporaryDirectory() as d:
        for name, data in (("key.pem", pem.encode()), ("msg", message), ("sig", signature)):
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        run = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", os.path.join(d, "key.pem"),
                              "-rawin", "-in", os.path.join(d, "msg"), "-sigfile", os.path.join(d, "sig")],
                             capture_output=True)
        return run.returncode == 0


def jws(text):
    h, p, s = text.strip().split(".")
    return json.loads(b64url(h)), json.loads(b64url(p)), (h + "." + p).encode(), b64url(s)


def root_from_inclusion(index, size, leaf, proof):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None


def main(cert, did, status=None):
    header, vc, signed, signature = jws(open(cert).read())
    doc = json.load(open(did))
    keys = {m["id"]: b64url(m["publicKeyJwk"]["x"]) for m in doc["verificationMethod"] if "publicKeyJwk" in m}
    issuer = vc["issuer"]["id"] if isinstance(vc["issuer"], dict) else vc["issuer"]
    ok = True
    print("issuer    ", issuer, "OK" if issuer == doc["id"] else "NOT the DID document's " + doc["id"])
    ok &= issuer == doc["id"]
    key = keys.get(header["kid"])
    print("key       ", header["kid"], "published" if key else "NOT published by the issuer")
    good = key is not None and header["alg"] == "EdDSA" and ed25519_ok(key, signed, signature)
    print("signature ", "OK" if good else "FAILED: changed, or another key")
    ok &= good
    for e in vc.get("evidence", []):
        if "TransparencyLogInclusion" not in e["type"]:
            continue
        head, checkpoint = e["proof"].split("\n\n", 1)
        lines = head.split("\n")
        index = int(lines[1].split(" ")[1])
        path = [base64.b64decode(x) for x in lines[2:] if x]
        body, sigs = checkpoint.split("\n\n", 1)
        origin, size, root = body.split("\n")[:3]
        leaf = hashlib.sha256(b"\x00" + bytes.fromhex(e["eventHash"])).digest()
        included = root_from_inclusion(index, int(size), leaf, path) == base64.b64decode(root)
        note_ok = False
        for line in sigs.strip().split("\n"):
            name, blob = line[2:].split(" ")  # "— origin base64(key id || signature)"
            blob = base64.b64decode(blob)
            for raw in keys.values():
                kid = hashlib.sha256(origin.encode() + b"\n\x01" + raw).digest()[:4]
                if name == origin and blob[:4] == kid and ed25519_ok(raw, (body + "\n").encode(), blob[4:]):
                    note_ok = True
        listed = any(x["hash"] == e["eventHash"] for x in vc["credentialSubject"]["ledgerEvents"])
        print("inclusion ", "OK" if included and note_ok and listed else "FAILED",
              "(leaf %d of %s, size %s)" % (index, origin, size))
        ok &= included and note_ok and listed
    if status:
        sh, sl, ssigned, ssig = jws(open(status).read())
        entry = vc["credentialStatus"][0]
        bits = gzip.decompress(b64url(sl["credentialSubject"]["encodedList"][1:]))
        i = int(entry["statusListIndex"])
        listed_ok = keys.get(sh["kid"]) is not None and ed25519_ok(keys[sh["kid"]], ssigned, ssig)
        revoked = bits[i // 8] & (0x80 >> (i % 8)) != 0
        print("status    ", "REVOKED" if revoked else "not revoked", "" if listed_ok else "(list NOT signed by the issuer)")
        ok &= listed_ok and not revoked
    print("VALID" if ok else "NOT VALID")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
