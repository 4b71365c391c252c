package org.reetrace.verifier.credential;

import java.util.Objects;

/**
 * One thing checked about a credential and how it came out.
 *
 * @param code   a stable word for what failed or why it was not checked, e.g. {@code changed-content},
 *               {@code wrong-key}, {@code unknown-issuer}, {@code other-tree}, {@code revoked}, {@code offline};
 *               {@code ok} when it passed
 * @param detail the same in a sentence, with the ids and values involved
 */
public record Check(Aspect aspect, Result result, String code, String detail) {

    /** What is checked. */
    public enum Aspect {
        /** A compact JWS of a W3C VC 2.0, typ vc+jwt, alg EdDSA. */
        FORMAT,
        /** The Ed25519 signature over header and payload. */
        SIGNATURE,
        /** The issuer is the one trusted and the key is one of its published keys. */
        ISSUER,
        /** validFrom and validUntil against the time of checking. */
        VALIDITY,
        /** The lot's last event is in the regulator's transparency log, at a checkpoint signed by the regulator. */
        INCLUSION,
        /** The Bitstring Status List entry: not revoked. */
        STATUS
    }

    public enum Result { PASSED, FAILED, NOT_CHECKED }

    public Check {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    static Check passed(Aspect aspect, String detail) {
        return new Check(aspect, Result.PASSED, "ok", detail);
    }

    static Check failed(Aspect aspect, String code, String detail) {
        return new Check(aspect, Result.FAILED, code, detail);
    }

    static Check notChecked(Aspect aspect, String code, String detail) {
        return new Check(aspect, Result.NOT_CHECKED, code, detail);
    }

    /** One line: {@code SIGNATURE  FAILED  changed-content: ...}. */
    @Override
    public String toString() {
        return String.format("%-10s %-11s %s", aspect, result, result == Result.PASSED ? detail : code + ": " + detail);
    }
}
