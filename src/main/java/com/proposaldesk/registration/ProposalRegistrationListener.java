package com.proposaldesk.registration;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.NewProposal;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalProcesses;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.task.FormInput;

/**
 * Start listener of both processes. A process started by the REST API or the import already has its
 * proposal; one started from a Tasklist start form carries the form's fields, which are validated,
 * stored as the proposal and then removed from the process, which keeps only routing variables.
 */
@Component("proposalRegistration")
public class ProposalRegistrationListener implements ExecutionListener {

    static final List<String> FORM_FIELDS = List.of("number", "source", "session", "title", "leadMemberName",
            "leadMemberSector", "leadMemberPhone", "leadMemberEmail", "leadMemberDistrict", "coSigners", "suggestions",
            "role", "keyProposal", "assignedOn", "externalLeadUnit", "externalCoUnits");

    private final RegistrationValidator validator;
    private final ProposalRegistrationService registration;
    private final ProposalRepository proposals;

    public ProposalRegistrationListener(RegistrationValidator validator, ProposalRegistrationService registration,
            ProposalRepository proposals) {
        this.validator = validator;
        this.registration = registration;
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(ProcessVariables.PROPOSAL_NUMBER)) {
            return;
        }
        FormInput form = new FormInput(execution::getVariable);
        boolean coHandling = ProcessElements.CO_HANDLING_PROCESS.equals(
                execution.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(execution.getProcessDefinitionId()).getKey());
        RegistrationRequest request = new RegistrationRequest(form.text("number"), form.text("source"),
                form.text("session"), form.text("title"),
                new RegistrationRequest.LeadMember(form.text("leadMemberName"), form.text("leadMemberSector"),
                        form.text("leadMemberEmail"), form.text("leadMemberPhone"), form.text("leadMemberDistrict")),
                form.lines("coSigners"), form.lines("suggestions"),
                coHandling ? ProposalRole.CO_HANDLING.name() : form.text("role"), form.flag("keyProposal"),
                form.text("assignedOn"), form.text("externalLeadUnit"), form.lines("externalCoUnits"));
        NewProposal validated = validator.validate(request);
        if (coHandling != (validated.role() == ProposalRole.CO_HANDLING)) {
            form.problem("role", "会办件请用“会办/协办提案办理”流程登记");
            form.check();
        }
        Proposal proposal = registration.store(validated);
        proposals.linkProcess(proposal.number(), execution.getProcessInstanceId());
        for (String field : FORM_FIELDS) {
            execution.removeVariable(field);
        }
        execution.setVariables(ProposalProcesses.startVariables(proposal));
        execution.setProcessBusinessKey(proposal.number());
    }
}
