package org.reetrace.verifier.credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verifier found: every check in order, and the credential as read (empty when it could not be read). The
 * credential can be relied on only if it is {@link #valid()}; {@link #complete()} says whether everything was checked
 * (offline, the status and the log's newest state are not).
 */
public record Verdict(List<Check> checks, Optional<Map<String, Object>> credential) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** Nothing failed, and the signature was checked. */
    public boolean valid() {
        return failures().isEmpty() && check(Check.Aspect.SIGNATURE).map(c -> c.result() == Check.Result.PASSED)
                .orElse(false);
    }

    /** Every aspect passed. */
    public boolean complete() {
        return checks.stream().allMatch(c -> c.result() == Check.Result.PASSED);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.result() == Check.Result.FAILED).toList();
    }

    public List<Check> notChecked() {
        return checks.stream().filter(c -> c.result() == Check.Result.NOT_CHECKED).toList();
    }

    /** The check of one aspect, if it was reached. */
    public Optional<Check> check(Check.Aspect aspect) {
        return checks.stream().filter(c -> c.aspect() == aspect).findFirst();
    }

    /** Whether some check failed with {@code code}. */
    public boolean failedWith(String code) {
        return failures().stream().anyMatch(c -> c.code().equals(code));
    }

    /** A line per check, then the verdict. */
    public String report() {
        StringBuilder b = new StringBuilder();
        checks.forEach(c -> b.append(c).append('\n'));
        b.append(valid() ? complete() ? "VALID: every check passed" : "VALID as far as checked; not checked: "
                + String.join(", ", notChecked().stream().map(c -> c.aspect().name()).toList())
                : "NOT VALID: " + String.join(", ", failures().stream().map(Check::code).distinct().toList()));
        return b.append('\n').toString();
    }
}
