package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import com.proposaldesk.proposal.ProposalNotFoundException;

import jakarta.ws.rs.core.Response.Status;

/** Which failures are the caller's mistake, and how an engine message no rule knows is told. */
class EngineErrorMessagesTest {

    @Test
    void aFailureOfOurOwnCodeStaysAServerErrorWhateverItsMessageSays() {
        ProcessEngineException listenerFailed = new ProcessEngineException("Exception while invoking TaskListener: not found",
                new ProposalNotFoundException("20240001"));

        assertThat(EngineErrorMessages.isInputFault(listenerFailed)).isFalse();
        assertThat(EngineErrorMessages.answer(listenerFailed, "task/1/complete", true).status()).isEqualTo(500);
    }

    @Test
    void whatTheEngineAnswersWith500ForTheCallersMistakeIsA4xx() {
        assertThat(EngineErrorMessages.answer(new NullValueException("workerId is null"), "external-task/fetchAndLock", false))
                .isEqualTo(new EngineErrorMessages.Answer(400, "InvalidRequest", "缺少必填参数 workerId"));
        assertThat(EngineErrorMessages.answer(new InvalidRequestException(Status.INTERNAL_SERVER_ERROR,
                "ENGINE-13053 No job found with id 'j1'."), "job/j1/retries", false))
                .isEqualTo(new EngineErrorMessages.Answer(404, "NotFound", "作业 j1 不存在，或您没有查看它的权限"));
        assertThat(EngineErrorMessages.answer(new TaskAlreadyClaimedException("t1", "wang"), "task/t1/claim", false))
                .isEqualTo(new EngineErrorMessages.Answer(409, "Conflict", "该任务已被 wang 认领，请刷新待办列表"));
    }

    @Test
    void anUnknownMessageIsToldByItsStatusAndAnAdministratorGetsTheEnginesWordsWithoutClassNames() {
        RestException unknown = new RestException(Status.BAD_REQUEST,
                "ENGINE-99999 Frobnication mode 'x' refused by org.camunda.bpm.engine.impl.cmd.FrobnicateCmd (IllegalStateException)");

        assertThat(EngineErrorMessages.answer(unknown, "process-instance/p1", false).message())
                .isEqualTo("请求有误，请检查提交的参数后重试");
        assertThat(EngineErrorMessages.answer(unknown, "engine/default/process-instance/p1", true).message())
                .startsWith("请求有误，请检查提交的参数后重试（引擎原文：Frobnication mode 'x' refused by")
                .doesNotContain("org.camunda", "Exception", "ENGINE-", "FrobnicateCmd");
    }
}
