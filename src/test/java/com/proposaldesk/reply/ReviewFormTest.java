package com.proposaldesk.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.proposaldesk.member.Member;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskFormContext;
import com.proposaldesk.task.TaskInputRejectedException;

/** The review rules on a task form context without an engine: what a reviewer must write, and which signature counts. */
class ReviewFormTest {

    private static final Reply DRAFT = new Reply(7, 1, Reply.KIND_REPLY, 1, 1, "正文", "A", null, true, null, "李经办",
            "0571-1234", Reply.UNDER_REVIEW, "food", null);

    private final ProposalRepository proposals = mock(ProposalRepository.class);
    private final ReplyRepository replies = mock(ReplyRepository.class);
    private final List<Object> signed = new ArrayList<>();
    private final ReviewForm form = new ReviewForm(proposals, replies, mock(ReviewHistory.class),
            mock(DraftChanges.class), mock(LetterPreviews.class), signed::add);

    @Test
    void sendingBackWithoutACommentIsRefusedAndNothingIsStored() {
        proposal(ProposalRole.SOLE, false);

        TaskFormContext.Detached context = context(ProcessElements.TASK_REVIEW_DEPT_HEAD, "RETURN", " ");

        assertThatThrownBy(() -> form.submit(context)).isInstanceOfSatisfying(TaskInputRejectedException.class,
                e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("reviewComment", "退回修改时必须填写意见说明，告诉起草人要改什么")));
        verify(replies, never()).review(anyLong(), anyString(), anyBoolean(), anyString(),
                anyString());
        assertThat(context.routed()).isEmpty();
    }

    @Test
    void theLeadersApprovalIsTheLastSignatureOfAnOrdinaryReply() {
        proposal(ProposalRole.SOLE, false);

        TaskFormContext.Detached office = context(ProcessElements.TASK_REVIEW_OFFICE, "APPROVE", null);
        form.submit(office);
        verify(replies, never()).setStatus(7, Reply.APPROVED);
        assertThat(office.routed()).containsEntry(ProcessVariables.REVIEW_APPROVED, true);

        form.submit(context(ProcessElements.TASK_SIGN_OFF_LEADER, "APPROVE", "同意"));
        verify(replies).review(7, ProcessElements.TASK_SIGN_OFF_LEADER, true, "同意", "reviewer");
        verify(replies).setStatus(7, Reply.APPROVED);
        assertThat(signed).containsExactly(new ReplySigned("20250001", 7, "reviewer"));
    }

    @Test
    void aKeyProposalWaitsForThePrincipalAndACoHandledLetterForTheOffice() {
        proposal(ProposalRole.LEAD, true);
        form.submit(context(ProcessElements.TASK_SIGN_OFF_LEADER, "APPROVE", null));
        verify(replies, never()).setStatus(7, Reply.APPROVED);
        form.submit(context(ProcessElements.TASK_SIGN_OFF_PRINCIPAL, "APPROVE", null));
        verify(replies).setStatus(7, Reply.APPROVED);

        proposal(ProposalRole.CO_HANDLING, false);
        form.submit(context(ProcessElements.TASK_REVIEW_OFFICE, "RETURN", "请补充数据"));
        verify(replies).setStatus(7, Reply.RETURNED);
        form.submit(context(ProcessElements.TASK_REVIEW_OFFICE, "APPROVE", null));
        verify(replies, times(2)).setStatus(7, Reply.APPROVED);
    }

    private void proposal(ProposalRole role, boolean key) {
        Proposal proposal = new Proposal(1, "20250001", ProposalSource.CPPCC, "市政协七届四次会议", "关于校园周边食品安全的提案",
                new Member(null, "委员", null, null, null, null), List.of(), List.of("建议"), role, key,
                LocalDate.of(2025, 4, 1), null, List.of(), ProposalStatus.REVIEWING, "food", List.of(),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 4, 2), null, null, null, null, "pi", null, null, null, null, null);
        when(proposals.get("20250001")).thenReturn(proposal);
        when(replies.latest(1)).thenReturn(Optional.of(DRAFT));
    }

    private static TaskFormContext.Detached context(String taskKey, String decision, String comment) {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("reviewDecision", decision);
        submitted.put("reviewComment", comment);
        return TaskFormContext.detached(ProcessElements.HANDLING_PROCESS, taskKey, "reviewer",
                Map.of(ProcessVariables.PROPOSAL_NUMBER, "20250001"), submitted);
    }
}
