package org.reetrace.app.epcis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit) answer 413 with
 * CaptureLimitExceededException. Tested here with small limits, below the HTTP level: the application's defaults
 * (200,000 events, 1 GiB) are too large to pass in a test, and other limits would need a second application.
 */
class CaptureLimitsTest {
    private static final EpcisSettings THREE_EVENTS_OR_4_KB = new EpcisSettings(3, 4096, 30, 1000, Duration.ofHours(1));

    @Test
    void a_document_of_more_events_than_the_capture_limit_is_refused_with_413() throws IOException {
        // events that name no place: the registry is never asked, so there is none here
        DocumentCheck check = new DocumentCheck(null, THREE_EVENTS_OR_4_KB);
        Path four = document(4);

        assertThatThrownBy(() -> check.check(four, Binding.JSON, Caller.operator("bulk", "OP-LIMIT")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(p.type().toString()).isEqualTo("epcisException:CaptureLimitExceededException");
                    assertThat(p.detail()).contains("more than 3 events");
                });
    }

    @Test
    void a_document_of_as_many_events_as_the_capture_limit_is_accepted() throws IOException {
        DocumentCheck check = new DocumentCheck(null, THREE_EVENTS_OR_4_KB);
        Path three = document(3);

        assertThat(check.check(three, Binding.JSON, Caller.operator("bulk", "OP-LIMIT"))).isEqualTo(3);
    }

    @Test
    void a_body_larger_than_the_file_size_limit_is_refused_with_413_and_leaves_no_file() throws IOException {
        long before = spooledFiles();

        assertThatThrownBy(() -> CaptureDocument.spool(new ByteArrayInputStream(new byte[4097]), THREE_EVENTS_OR_4_KB))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(p.type().toString()).isEqualTo("epcisException:CaptureLimitExceededException");
                });
        assertThat(spooledFiles()).isEqualTo(before);
    }

    @Test
    void a_body_of_exactly_the_file_size_limit_is_spooled_whole() throws IOException {
        Path spooled = CaptureDocument.spool(new ByteArrayInputStream(new byte[4096]), THREE_EVENTS_OR_4_KB);
        try {
            assertThat(Files.size(spooled)).isEqualTo(4096);
        } finally {
            Files.delete(spooled);
        }
    }

    @TempDir
    Path dir;

    private Path document(int events) throws IOException {
        Path file = dir.resolve("document-" + events + ".jsonld");
        LargeCaptureIT.writeDocument(file, events);
        return file;
    }

    private static long spooledFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("epcis-capture-")).count();
        }
    }
}
