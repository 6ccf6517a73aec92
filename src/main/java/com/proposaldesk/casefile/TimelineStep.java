package com.proposaldesk.casefile;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a proposal's handling: a user task of its process or of a side process (extension, dispute), or its
 * registration.
 *
 * @param step the step's name, e.g. 签收
 * @param user who did it (or holds it, while open)
 * @param due the step's deadline, if it has one
 * @param done when it was done; null while open
 * @param late done after its deadline, or still open past it
 * @param cancelled ended without being done (the process went another way)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelineStep(String step, String taskKey, String process, String processInstanceId, String user,
        OffsetDateTime started, OffsetDateTime due, OffsetDateTime done, boolean late, boolean open, boolean cancelled) {
}
