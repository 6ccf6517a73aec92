package com.proposaldesk.communication;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import com.proposaldesk.communication.CommunicationRepository.MemberContact;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.member.MemberProfile;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ForbiddenException;
import com.proposaldesk.security.ProposalAccess;

/**
 * Who may read and write a member's records of contact (README, “委员联络记录的权限”):
 * <ul>
 * <li>a record about a proposal (先沟通后办理, 先沟通后答复) is read by whoever may see the proposal
 * ({@link ProposalAccess}): the office, the principal, the lead and assisting departments and their leaders in
 * charge; it is written by the proposal's tasks only;</li>
 * <li>a liaison record (日常联络, no proposal) is read by the office, the principal, the member's liaison department
 * (handlers, head), its leader in charge and the member's liaison person, and written by the office, the liaison
 * department's handlers and head and the liaison person.</li>
 * </ul>
 * Administrators may do what the office may.
 */
@Component
public class ContactRecordAccess {

    static final String MAY_NOT_RECORD = "只有提案办、该委员的联络处室和联络人可以记录与该委员的日常联络";

    private final ProposalAccess proposals;
    private final DepartmentRepository departments;
    private final CurrentUser user;

    public ContactRecordAccess(ProposalAccess proposals, DepartmentRepository departments, CurrentUser user) {
        this.proposals = proposals;
        this.departments = departments;
        this.user = user;
    }

    /** The records the current user may read, in their order. */
    public List<CommunicationRecord> readable(MemberProfile member, List<MemberContact> contacts) {
        ProposalAccess.Scope scope = proposals.scope();
        boolean liaisonRecords = scope.everything() || isLiaisonPerson(member)
                || member.liaisonDepartment() != null && scope.departments().contains(member.liaisonDepartment());
        return contacts.stream()
                .filter(contact -> contact.aboutProposal()
                        ? scope.covers(contact.leadDepartment(), contact.assistingDepartments())
                        : liaisonRecords)
                .map(MemberContact::record)
                .toList();
    }

    /** @throws ForbiddenException unless the current user may record a liaison contact with the member */
    public void requireMayRecord(MemberProfile member) {
        if (user.isMemberOf(CurrentUser.OFFICE_GROUP) || user.isMemberOf(Groups.CAMUNDA_ADMIN) || isLiaisonPerson(member)) {
            return;
        }
        boolean liaisonDepartment = member.liaisonDepartment() != null && departments.find(member.liaisonDepartment())
                .filter(department -> user.isMemberOf(department.handlerGroup()) || user.isMemberOf(department.headGroup()))
                .isPresent();
        if (!liaisonDepartment) {
            throw new ForbiddenException(MAY_NOT_RECORD);
        }
    }

    private boolean isLiaisonPerson(MemberProfile member) {
        return member.liaisonUser() != null && member.liaisonUser().equals(user.id());
    }
}
