package org.reetrace.app.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the capture clients the documents whose predecessors ({@link CaptureWorkload.Document#after()}) are
 * captured, oldest first; a client that gets none waits until one is, or until every document has been handed out.
 */
final class CaptureSchedule {
    private final List<CaptureWorkload.Document> waiting;
    private final boolean[] captured;
    private int inFlight;
    private Throwable failure;

    CaptureSchedule(List<CaptureWorkload.Document> documents) {
        this.waiting = new ArrayList<>(documents);
        this.captured = new boolean[documents.size()];
    }

    /** The next document to send, or null once all are handed out; fails when documents wait on each other. */
    synchronized CaptureWorkload.Document next() throws InterruptedException {
        while (true) {
            if (failure != null) {
                throw new IllegalStateException("another capture client failed", failure);
            }
            if (waiting.isEmpty()) {
                return null;
            }
            for (int i = 0; i < waiting.size(); i++) {
                CaptureWorkload.Document d = waiting.get(i);
                if (d.after().stream().allMatch(n -> captured[n])) {
                    waiting.remove(i);
                    inFlight++;
                    return d;
                }
            }
            if (inFlight == 0) {
                throw new IllegalStateException("documents " + waiting.stream().map(d -> d.number() + " after "
                        + d.after()).toList() + " wait on each other");
            }
            wait();
        }
    }

    synchronized void captured(CaptureWorkload.Document d) {
        captured[d.number()] = true;
        inFlight--;
        notifyAll();
    }

    /** Ends the run for every client: one that failed leaves documents that others would wait for in vain. */
    synchronized void failed(Throwable e) {
        failure = e;
        notifyAll();
    }
}
