package org.reetrace.app.epcis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/**
 * An operator captures an EPCIS document (GS1 asynchronous capture), and follows its capture jobs.
 *
 * <p>The document is spooled to disk as it arrives (refused with 413 the moment it passes the size limit), checked
 * in full ({@link DocumentCheck}: 400 with every schema and profile problem, 403 for events at another operator's
 * facility, 413 past the event limit), and only then becomes a job. What can still fail, the ledger's own checks,
 * is reported in the job.
 */
@UseCase
public class CaptureDocument {
    private final EpcisSettings settings;
    private final DocumentCheck check;
    private final CaptureJobs runner;
    private final CaptureJobStore jobs;

    CaptureDocument(EpcisSettings settings, DocumentCheck check, CaptureJobs runner, CaptureJobStore jobs) {
        this.settings = settings;
        this.check = check;
        this.runner = runner;
        this.jobs = jobs;
    }

    /** The job a document became: GS1 answers 202 with its location. */
    public record Accepted(String captureId) {
    }

    /**
     * Checks the document {@code body} and starts its capture job.
     *
     * @param declaredLength the length the sender announced, or -1 if it did not; past the limit the document is
     *                       refused before it is read
     */
    Accepted capture(Caller caller, InputStream body, long declaredLength, Binding binding,
                     CaptureJobs.Behaviour behaviour) throws IOException {
        caller.requireRole(Role.OPERATOR);
        if (declaredLength > settings.captureFileSizeLimit()) {
            throw EpcisProblems.tooLarge("the document has " + declaredLength + " bytes, more than "
                    + settings.captureFileSizeLimit() + " (GS1-EPCIS-Capture-File-Size-Limit)", settings);
        }
        Path spooled = spool(body, settings);
        boolean handedOver = false;
        try {
            int events = check.check(spooled, binding, caller);
            String id = runner.start(spooled, binding, behaviour, caller, events);
            handedOver = true;
            return new Accepted(id);
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    /**
     * Captures a document uploaded as a file (the pages), whose media type the browser may not know: a document whose
     * first character is {@code <} is XML, any other JSON-LD. {@code proceed}: each event is booked or refused on its
     * own; otherwise the document is booked all or nothing.
     */
    public Accepted captureFile(Caller caller, InputStream file, boolean proceed) throws IOException {
        BufferedInputStream in = new BufferedInputStream(file);
        in.mark(64);
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
        in.reset();
        return capture(caller, in, -1, c == '<' ? Binding.XML : Binding.JSON,
                proceed ? CaptureJobs.Behaviour.proceed : CaptureJobs.Behaviour.rollback);
    }

    /** Copies the body to a temporary file, stopping as soon as it passes the size limit. */
    static Path spool(InputStream in, EpcisSettings settings) throws IOException {
        Path file = Files.createTempFile("epcis-capture-", ".doc");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > settings.captureFileSizeLimit()) {
                    throw EpcisProblems.tooLarge("the document has more than " + settings.captureFileSizeLimit()
                            + " bytes (GS1-EPCIS-Capture-File-Size-Limit)", settings);
                }
                out.write(buffer, 0, n);
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A page of the jobs the caller may see (all for those who read every record, else the operator's own), newest
     * first; {@code nextPageToken} is the one a previous page gave, or null for the first.
     */
    CaptureJob.Page jobs(Caller caller, int perPage, String nextPageToken) {
        if (perPage < 1 || perPage > settings.perPageMax()) {
            throw EpcisProblems.queryParameter("perPage", "must be from 1 to " + settings.perPageMax());
        }
        int offset = 0;
        if (nextPageToken != null) {
            try {
                offset = Integer.parseInt(nextPageToken);
            } catch (NumberFormatException e) {
                throw EpcisProblems.queryParameter("nextPageToken", "not a token this repository issued");
            }
        }
        List<String> ids = jobs.ids(caller.readsAll(), caller.operatorId().orElse(""), perPage + 1, offset);
        runner.endAbandoned(ids);
        List<CaptureJob> page = ids.stream().limit(perPage).map(jobs::job).toList();
        return new CaptureJob.Page(page, ids.size() > perPage ? String.valueOf(offset + perPage) : null);
    }

    /** One job, if the caller may see it; another operator's job does not exist as far as the caller can tell. */
    public CaptureJob job(Caller caller, String captureId) {
        String owner = jobs.owner(captureId)
                .orElseThrow(() -> EpcisProblems.noSuchResource("no capture job " + captureId));
        if (!caller.readsAll() && !caller.actsFor(owner)) {
            throw EpcisProblems.noSuchResource("no capture job " + captureId);
        }
        runner.endAbandoned(List.of(captureId));
        return jobs.job(captureId);
    }
}
