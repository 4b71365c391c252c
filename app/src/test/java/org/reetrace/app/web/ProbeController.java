package org.reetrace.app.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.reetrace.app.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that make the application fail in each documented way. */
@RestController
@RequestMapping("/api/probe")
class ProbeController {

    record Sample(@NotBlank String name, @Positive long massMg, List<@NotBlank String> tags) {
    }

    record Echo(String caller, String role, Sample sample) {
    }

    @PostMapping("/echo")
    Echo echo(Caller caller, @Valid @RequestBody Sample sample) {
        return new Echo(caller.name(), caller.role().name(), sample);
    }

    @GetMapping("/whoami")
    Map<String, Object> whoami(Caller caller) {
        return Map.of("name", caller.name(), "role", caller.role(), "operatorId", caller.operatorId().orElse(""));
    }

    @GetMapping("/operators/{operatorId}")
    Map<String, String> operatorRecords(Caller caller, @PathVariable String operatorId) {
        caller.requireRegulatorOrOperator(operatorId);
        return Map.of("operatorId", operatorId);
    }

    @GetMapping("/conflict")
    void conflict() {
        throw new ProblemException(HttpStatus.CONFLICT, "lot-not-active", "Lot is not active",
                "lot L-17 was exported on 2025-03-02", Map.of("lot", "L-17", "lotStatus", "EXPORTED"));
    }

    /** What a controller sees when the ledger writer's future fails with a problem, as when it is overloaded. */
    @GetMapping("/busy")
    void busy() {
        throw new java.util.concurrent.CompletionException(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "ledger-unavailable", "Ledger unavailable", "the ledger writer is overloaded",
                Map.of("retryAfterSeconds", 5)));
    }

    @GetMapping("/crash")
    void crash() {
        throw new IllegalStateException("connection string jdbc:postgresql://secret-host/ledger refused");
    }
}
