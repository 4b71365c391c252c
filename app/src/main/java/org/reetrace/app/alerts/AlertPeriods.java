package org.reetrace.app.alerts;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The period an alert filter names: a month YYYY-MM, refused with a 400 if it is not one. */
final class AlertPeriods {

    private AlertPeriods() {
    }

    static String month(String period) {
        if (period == null || period.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(period.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "'period' must be a month YYYY-MM, not '" + period + "'", Map.of("parameter", "period"));
        }
    }
}
