package com.proposaldesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.proposaldesk.member.Member;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskFormContext;
import com.proposaldesk.task.TaskInputRejectedException;

/** The objection outcome's rules on a task form context without an engine: a transfer to 会办 names its lead unit. */
class ObjectionOutcomeFormTest {

    private final ProposalRepository proposals = mock(ProposalRepository.class);
    private final ObjectionRepository objections = mock(ObjectionRepository.class);
    private final ObjectionOutcomeForm form = new ObjectionOutcomeForm(proposals, objections);

    @BeforeEach
    void proposal() {
        when(proposals.get("20250001")).thenReturn(new Proposal(1, "20250001", ProposalSource.CPPCC, "市政协七届四次会议",
                "关于校园周边食品安全的提案", new Member(null, "委员", null, null, null, null), List.of(), List.of("建议"),
                ProposalRole.SOLE, false, LocalDate.of(2025, 4, 1), null, List.of(), ProposalStatus.OBJECTING, null,
                List.of(), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 4, 2), null, null, null, null, "pi", null, null,
                null, null, null));
    }

    @Test
    void aTransferWithoutTheLeadUnitIsRefusedInChineseAndNothingIsStored() {
        for (String missing : new String[] {null, "", "   "}) {
            TaskFormContext.Detached context = context("TRANSFERRED_TO_CO_HANDLING", missing);

            assertThatThrownBy(() -> form.submit(context)).isInstanceOfSatisfying(TaskInputRejectedException.class,
                    e -> assertThat(e.problems()).containsExactly(
                            new FieldProblem("externalLeadUnit", "转为会办时必须填写主办单位（会办意见函的收函单位）")));
            assertThat(context.routed()).isEmpty();
        }
        verifyNothingStored();
    }

    @Test
    void aLeadUnitLongerThanItsColumnIsRefused() {
        TaskFormContext.Detached context = context("TRANSFERRED_TO_CO_HANDLING", "某".repeat(201));

        assertThatThrownBy(() -> form.submit(context)).isInstanceOfSatisfying(TaskInputRejectedException.class,
                e -> assertThat(e.problems()).containsExactly(new FieldProblem("externalLeadUnit", "主办单位不能超过 200 个字")));
        verifyNothingStored();
    }

    @Test
    void aTransferStoresTheLeadUnitWithTheProposalAndRoutesToTheTransfer() {
        TaskFormContext.Detached context = context("TRANSFERRED_TO_CO_HANDLING", "  市教育局 ");

        form.submit(context);

        verify(proposals).changeExternalLeadUnit("20250001", "市教育局");
        verify(objections).decide(1, ObjectionOutcome.TRANSFERRED_TO_CO_HANDLING, null, LocalDate.of(2025, 4, 16), null,
                "office");
        assertThat(context.routed()).containsOnly(
                Map.entry(ProcessVariables.OBJECTION_OUTCOME, "TRANSFERRED_TO_CO_HANDLING"));
        assertThat(form.fields()).as("the form field is removed from the process once stored").contains("externalLeadUnit");
    }

    @Test
    void otherOutcomesNeitherNeedNorStoreALeadUnit() {
        form.submit(context("KEPT", "市教育局"));

        verify(proposals, never()).changeExternalLeadUnit(anyString(), any());
        verify(objections).decide(1, ObjectionOutcome.KEPT, null, LocalDate.of(2025, 4, 16), null, "office");
    }

    private void verifyNothingStored() {
        verify(proposals, never()).changeExternalLeadUnit(anyString(), any());
        verify(proposals, never()).changeRole(anyString(), any());
        verify(objections, never()).decide(anyLong(), any(), any(), any(), any(), any());
    }

    private static TaskFormContext.Detached context(String outcome, String leadUnit) {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("objectionOutcome", outcome);
        submitted.put("externalLeadUnit", leadUnit);
        submitted.put("decidedOn", "2025-04-16");
        return TaskFormContext.detached(ProcessElements.HANDLING_PROCESS, ProcessElements.TASK_RECORD_OBJECTION_OUTCOME,
                "office", Map.of(ProcessVariables.PROPOSAL_NUMBER, "20250001"), submitted);
    }
}
