package com.proposaldesk.web;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs every failed command with its stack trace at ERROR ({@code org.camunda.bpm.engine.context}) and every
 * failed job again at WARN ({@code org.camunda.bpm.engine.jobexecutor}): a reminder job failing on an unreachable mail
 * server wrote some 270 lines each time it ran, a refused form 120. For the {@link ExpectedFailures} the engine logs the
 * command's failure at DEBUG instead, and a failed job is one WARN line with an error reference (a reminder whose mail
 * failed none: the mailer's own WARN line names the recipients and the reference); whoever answers a
 * refused request logs it (one WARN line, see {@link EngineRestErrors#logRefusal}). Anything else keeps the engine's
 * logging, stack trace and all.
 */
@Component
public class EngineFailureLogging extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFailureLogging.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new QuietAboutExpectedFailures(processEngineConfiguration);
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
        synchronized (ExecuteJobHelper.class) {
            if (!(ExecuteJobHelper.LOGGING_HANDLER instanceof OneLineForExpectedJobFailures)) {
                ExecuteJobHelper.LOGGING_HANDLER = new OneLineForExpectedJobFailures(ExecuteJobHelper.LOGGING_HANDLER);
            }
        }
    }

    static class QuietAboutExpectedFailures extends CommandContext {

        QuietAboutExpectedFailures(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || ExpectedFailures.isExpected(exception);
        }
    }

    /** The handler is the engine's one for the whole JVM; it keeps the engine's own for the unexpected. */
    static class OneLineForExpectedJobFailures implements ExecuteJobHelper.ExceptionLoggingHandler {

        private final ExecuteJobHelper.ExceptionLoggingHandler unexpected;

        OneLineForExpectedJobFailures(ExecuteJobHelper.ExceptionLoggingHandler unexpected) {
            this.unexpected = unexpected;
        }

        @Override
        public void exceptionWhileExecutingJob(String jobId, Throwable exception) {
            if (ExpectedFailures.isReportedMailFailure(exception)) {
                LOG.debug("Job {} failed on its mail, reported by the mailer: {}", jobId, ExpectedFailures.describe(exception));
            } else if (ExpectedFailures.isExpected(exception)) {
                LOG.warn("Job {} failed, retried on its retry cycle or raised as an incident (error reference {}): {}", jobId,
                        ErrorReference.next(), ExpectedFailures.describe(exception));
            } else {
                unexpected.exceptionWhileExecutingJob(jobId, exception);
            }
        }
    }
}
