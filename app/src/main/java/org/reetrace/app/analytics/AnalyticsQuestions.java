package org.reetrace.app.analytics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;

/** What the questions to the analytics share: who may ask about a facility, how a month is read, their problems. */
final class AnalyticsQuestions {

    private AnalyticsQuestions() {
    }

    /** The facility, if the caller reads its operator's records. */
    static Facility readable(StoredRegistry registry, Caller caller, String id) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        Facility f = registry.facility(FacilityId.of(id)).orElseThrow(() -> ProblemException.notFound("facility", id));
        caller.requireReader(f.operator().value());
        return f;
    }

    /** A month YYYY-MM, or null if not given. */
    static YearMonth month(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name, "'" + name + "' must be a month YYYY-MM, not '" + value + "'");
        }
    }

    static ProblemException badRequest(String parameter, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail,
                Map.of("parameter", parameter));
    }

    /** Nothing was measured, and why: never zeros. */
    static ProblemException noData(HttpStatus status, String reason, Map<String, Object> where) {
        return new ProblemException(status, "no-data", "Nothing was measured", reason, new LinkedHashMap<>(where));
    }
}
