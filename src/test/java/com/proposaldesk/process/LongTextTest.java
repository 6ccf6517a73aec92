package com.proposaldesk.process;

import com.proposaldesk.support.ProposalDeskSpringTest;

/** {@link LongTextScenarios} on H2, the embedded default. */
@ProposalDeskSpringTest
class LongTextTest extends LongTextScenarios {
}
