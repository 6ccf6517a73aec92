package com.proposaldesk.communication;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.member.MemberNotFoundException;
import com.proposaldesk.member.MemberProfile;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.task.FormInput;

/**
 * Contacts with members outside a proposal (日常联络, visits, “代表委员话市监” events) and each member's history, each
 * shown and written as {@link ContactRecordAccess} allows.
 */
@Service
public class MemberLiaison {

    private final MemberRepository members;
    private final CommunicationRepository communications;
    private final AuditTrail audit;
    private final ContactRecordAccess access;
    private final EngineClock clock;

    public MemberLiaison(MemberRepository members, CommunicationRepository communications, AuditTrail audit,
            ContactRecordAccess access, EngineClock clock) {
        this.audit = audit;
        this.access = access;
        this.members = members;
        this.communications = communications;
        this.clock = clock;
    }

    @Transactional
    public CommunicationRecord record(long memberId, LiaisonRecordRequest request, String userId) {
        MemberProfile member = requireMember(memberId);
        access.requireMayRecord(member);
        Map<String, Object> values = new HashMap<>();
        if (request != null) {
            values.put("date", request.date());
            values.put("way", request.way());
            values.put("participants", request.participants());
            values.put("summary", request.summary());
            values.put("memberView", request.memberView());
        }
        FormInput in = FormInput.of(values);
        LocalDate date = in.requiredDate("date", "沟通日期");
        if (date != null && date.isAfter(clock.today())) {
            in.problem("date", "沟通日期不能晚于今天");
        }
        String wayText = in.requiredText("way", "沟通方式");
        Optional<ContactWay> way = ContactWay.parse(wayText);
        if (wayText != null && way.isEmpty()) {
            in.problem("way", "沟通方式“" + wayText + "”无效，应为 " + ContactWay.choices());
        }
        String participants = in.requiredText("participants", "参与人员", 1000);
        String summary = in.requiredText("summary", "沟通情况", 4000);
        String memberView = in.text("memberView", "委员的意见和建议", 4000);
        in.check();
        long id = communications.recordLiaison(memberId, date, way.orElseThrow(), participants, memberView, summary, userId);
        audit.record(AuditAction.LIAISON_RECORDED, null, "委员 " + member.name() + "（编号 " + memberId + "）",
                date + " " + way.orElseThrow().label() + "，参与人员：" + participants + "；沟通情况：" + summary);
        return communications.forMember(memberId).stream().filter(record -> record.id() == id).findFirst().orElseThrow();
    }

    public List<CommunicationRecord> history(long memberId) {
        return access.readable(requireMember(memberId), communications.contactsOf(memberId));
    }

    private MemberProfile requireMember(long memberId) {
        return members.profile(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    }
}
