package com.proposaldesk.member;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> find(long id) {
        return jdbc.sql("SELECT id, name, sector, phone, email, district FROM pd_member WHERE id = ?")
                .param(id).query(Member.class).optional();
    }

    /** The member with this name (and phone, where given), updated with the details supplied, or a new one. */
    public long findOrCreate(Member member) {
        Optional<Long> existing = jdbc.sql("SELECT id, name, sector, phone, email, district FROM pd_member WHERE name = ? ORDER BY id")
                .param(member.name()).query(Member.class).list().stream()
                .filter(known -> known.phone() == null || member.phone() == null || known.phone().equals(member.phone()))
                .map(Member::id).findFirst();
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE pd_member SET sector = COALESCE(:sector, sector), phone = COALESCE(:phone, phone),
                           email = COALESCE(:email, email), district = COALESCE(:district, district) WHERE id = :id""")
                    .param("sector", member.sector()).param("phone", member.phone()).param("email", member.email())
                    .param("district", member.district()).param("id", existing.get()).update();
            return existing.get();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pd_member (name, sector, phone, email, district) VALUES (:name, :sector, :phone, :email, :district)")
                .param("name", member.name()).param("sector", member.sector()).param("phone", member.phone())
                .param("email", member.email()).param("district", member.district())
                .update(key, "id");
        return key.getKey().longValue();
    }
}
