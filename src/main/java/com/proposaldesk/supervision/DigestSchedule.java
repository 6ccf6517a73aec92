package com.proposaldesk.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the periodic digest (定期督办) goes out: a cron expression, read by the timer start event of
 * {@code supervision-digest} when the model is deployed. Kept free of other beans because the engine
 * evaluates it while it starts.
 */
@Component("digestSchedule")
public class DigestSchedule {

    private final String cycle;

    public DigestSchedule(@Value("${proposal-desk.digest.cycle:0 0 9 ? * MON}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
