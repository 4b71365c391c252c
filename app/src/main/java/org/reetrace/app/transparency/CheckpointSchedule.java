package org.reetrace.app.transparency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Signs a checkpoint every {@code reetrace.transparency.checkpoint-interval} when the log grew. */
@Component
public class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final LogCheckpoints checkpoints;
    private final TransparencySettings settings;
    private ScheduledExecutorService timer;

    public CheckpointSchedule(LogCheckpoints checkpoints, TransparencySettings settings) {
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("log-checkpoints").daemon(true)
                .factory());
        long millis = settings.checkpointInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.signIfGrown();
            } catch (RuntimeException e) {
                log.warn("signing a checkpoint of the transparency log failed; trying again in {} ms", millis, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
