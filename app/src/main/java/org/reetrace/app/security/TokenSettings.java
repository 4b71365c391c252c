package org.reetrace.app.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long tokens live and how many failed authentications a client gets ({@code reetrace.tokens.*}).
 *
 * @param operatorLifetime      how long an operator's token is valid when issued, and the longest it may be asked
 *                              for: an operator's systems are many and leak more easily than the agency's few
 * @param failedAuthentications how many failed authentications one client (remote address) may make at once
 * @param failureWindow         the time in which that many are given back, evenly
 */
@Validated
@ConfigurationProperties("reetrace.tokens")
public record TokenSettings(
        @NotNull @DefaultValue("90d") Duration operatorLifetime,
        @Min(1) @DefaultValue("20") int failedAuthentications,
        @NotNull @DefaultValue("1m") Duration failureWindow) {

    public TokenSettings {
        if (operatorLifetime != null && (operatorLifetime.isNegative() || operatorLifetime.isZero())) {
            throw new IllegalArgumentException("reetrace.tokens.operator-lifetime must be positive, was " + operatorLifetime);
        }
        if (failureWindow != null && (failureWindow.isNegative() || failureWindow.isZero())) {
            throw new IllegalArgumentException("reetrace.tokens.failure-window must be positive, was " + failureWindow);
        }
    }

    /** The settings when nothing is configured. */
    public static TokenSettings defaults() {
        return new TokenSettings(Duration.ofDays(90), 20, Duration.ofMinutes(1));
    }
}
