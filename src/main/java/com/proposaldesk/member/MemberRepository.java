package com.proposaldesk.member;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private static final String PROFILE = """
            SELECT m.id, m.name, m.sector, m.phone, m.email, m.district, m.liaison_department,
                   d.name AS liaison_department_name, m.liaison_user, NULL AS liaison_user_name
            FROM pd_member m LEFT JOIN pd_department d ON d.code = m.liaison_department
            """;

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
        Optional<Long> existing = findSame(member.name(), member.phone());
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

    public Optional<MemberProfile> profile(long id) {
        return jdbc.sql(PROFILE + " WHERE m.id = ?").param(id).query(MemberProfile.class).optional();
    }

    /**
     * Members by district and liaison department (either may be null); with {@code notContactedIn}, only
     * those without any record of contact in that year.
     */
    public List<MemberProfile> search(String district, String department, Integer notContactedIn) {
        StringBuilder sql = new StringBuilder(PROFILE).append(" WHERE 1 = 1");
        Map<String, Object> query = new LinkedHashMap<>();
        if (district != null) {
            sql.append(" AND m.district = :district");
            query.put("district", district);
        }
        if (department != null) {
            sql.append(" AND m.liaison_department = :department");
            query.put("department", department);
        }
        if (notContactedIn != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM pd_communication c WHERE c.member_id = m.id")
                    .append(" AND c.contact_date BETWEEN :from AND :to)");
            query.put("from", Date.valueOf(LocalDate.of(notContactedIn, 1, 1)));
            query.put("to", Date.valueOf(LocalDate.of(notContactedIn, 12, 31)));
        }
        sql.append(" ORDER BY m.district, m.name, m.id");
        return jdbc.sql(sql.toString()).params(query).query(MemberProfile.class).list();
    }

    /** The member a new one with these details would be (the first of {@link #same}). */
    public Optional<Long> findSame(String name, String phone) {
        return same(name, phone).stream().findFirst();
    }

    /** Members with the same name, and the same phone where both have one. */
    public List<Long> same(String name, String phone) {
        return jdbc.sql("SELECT id, name, sector, phone, email, district FROM pd_member WHERE name = ? ORDER BY id")
                .param(name).query(Member.class).list().stream()
                .filter(known -> known.phone() == null || phone == null || known.phone().equals(phone))
                .map(Member::id).toList();
    }

    public long insert(MemberRequest member) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_member (name, sector, phone, email, district, liaison_department, liaison_user)
                VALUES (:name, :sector, :phone, :email, :district, :liaisonDepartment, :liaisonUser)""")
                .params(columns(member)).update(key, "id");
        return key.getKey().longValue();
    }

    public boolean update(long id, MemberRequest member) {
        Map<String, Object> values = columns(member);
        values.put("id", id);
        return jdbc.sql("""
                UPDATE pd_member SET name = :name, sector = :sector, phone = :phone, email = :email, district = :district,
                       liaison_department = :liaisonDepartment, liaison_user = :liaisonUser
                WHERE id = :id""")
                .params(values).update() == 1;
    }

    public void updateLiaison(long id, MemberLiaisonRequest liaison) {
        jdbc.sql("UPDATE pd_member SET liaison_department = :department, liaison_user = :user WHERE id = :id")
                .param("department", liaison.liaisonDepartment()).param("user", liaison.liaisonUser()).param("id", id)
                .update();
    }

    private static Map<String, Object> columns(MemberRequest member) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", member.name());
        values.put("sector", member.sector());
        values.put("phone", member.phone());
        values.put("email", member.email());
        values.put("district", member.district());
        values.put("liaisonDepartment", member.liaisonDepartment());
        values.put("liaisonUser", member.liaisonUser());
        return values;
    }
}
