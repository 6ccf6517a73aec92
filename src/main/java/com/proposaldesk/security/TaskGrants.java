package com.proposaldesk.security;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine grants every task to each of its candidate groups, one row per task (and one more for its history). For a
 * group that {@link AccessPolicy} already lets work and read every task ({@link AccessPolicy#GROUPS_WITH_EVERY_TASK}:
 * the office) such a row changes nothing it may see or do, yet every Tasklist query of its members joins each of their
 * tasks with every one of those rows. So the engine skips them; other groups get theirs as before.
 * <p>
 * Sets the engine's configuration property {@code resourceAuthorizationProvider} (the provider the engine asks for the
 * grants it makes by itself) from a process engine plugin, as the project's other plugins set theirs: the provider
 * interface and {@link DefaultAuthorizationProvider} sit in the engine's {@code impl.cfg.auth} package beside
 * {@link AbstractProcessEnginePlugin}, meant for configuration, and Operaton keeps them under its own package name. The
 * subclass only leaves out grants for these groups; everything else is the engine's default.
 */
@Component
public class TaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WithoutRedundantTaskGrants(AccessPolicy.GROUPS_WITH_EVERY_TASK));
    }

    /** The engine's default grants, less those to groups that may already work on every task. */
    static class WithoutRedundantTaskGrants extends DefaultAuthorizationProvider {

        private final Set<String> groupsWithEveryTask;

        WithoutRedundantTaskGrants(Set<String> groupsWithEveryTask) {
            this.groupsWithEveryTask = groupsWithEveryTask;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
            if (groupsWithEveryTask.contains(groupId)) {
                return new AuthorizationEntity[0];
            }
            return super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
        }
    }
}
