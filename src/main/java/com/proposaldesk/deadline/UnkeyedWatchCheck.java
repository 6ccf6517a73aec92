package com.proposaldesk.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Task watches are found by their business key, the task id. At start-up this checks whether watches started before
 * that (in an upgraded database) are still running, which {@link DeadlineWatches#stopTask} then also looks for.
 */
@Component
class UnkeyedWatchCheck {

    private static final Logger LOG = LoggerFactory.getLogger(UnkeyedWatchCheck.class);

    private final DeadlineWatches watches;

    UnkeyedWatchCheck(DeadlineWatches watches) {
        this.watches = watches;
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        int unkeyed = watches.countUnkeyedTaskWatches();
        if (unkeyed > 0) {
            LOG.info("{} deadline watches from before task watches had a business key are still running", unkeyed);
        }
    }
}
