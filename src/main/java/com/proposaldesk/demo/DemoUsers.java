package com.proposaldesk.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo's people: one per role, all with the demo password. Created only when missing. */
@Component
@ConditionalOnProperty(name = "proposal-desk.demo.enabled", havingValue = "true")
class DemoUsers {

    /** Tasklist shows "first last": the full Chinese name first, then the post. */
    record Person(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("admin", "系统管理员", "", List.of(Groups.CAMUNDA_ADMIN)),
            new Person("office", "王晓明", "提案办", List.of("office")),
            new Person("food", "李小红", "食品安全处", List.of("dept-food")),
            new Person("food-head", "张建国", "食品安全处处长", List.of("head-food")),
            new Person("ip", "赵思远", "知识产权处", List.of("dept-ip")),
            new Person("ip-head", "钱海燕", "知识产权处处长", List.of("head-ip")),
            new Person("equipment", "孙志强", "特种设备处", List.of("dept-equipment")),
            new Person("equipment-head", "周丽华", "特种设备处处长", List.of("head-equipment")),
            new Person("leader", "吴国华", "分管局领导", List.of("leader")),
            new Person("principal", "郑卫东", "局长", List.of("principal")));

    private static final List<String[]> GROUPS = List.of(
            new String[] {Groups.CAMUNDA_ADMIN, "系统管理员"},
            new String[] {"office", "提案办（局办公室）"},
            new String[] {"dept-food", "食品安全处经办人"}, new String[] {"head-food", "食品安全处负责人"},
            new String[] {"dept-ip", "知识产权处经办人"}, new String[] {"head-ip", "知识产权处负责人"},
            new String[] {"dept-equipment", "特种设备处经办人"}, new String[] {"head-equipment", "特种设备处负责人"},
            new String[] {"leader", "分管局领导"}, new String[] {"principal", "主要负责同志"});

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    void createMissing(String password) {
        for (String[] g : GROUPS) {
            if (identity.createGroupQuery().groupId(g[0]).count() == 0) {
                Group group = identity.newGroup(g[0]);
                group.setName(g[1]);
                group.setType(Groups.CAMUNDA_ADMIN.equals(g[0]) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
                identity.saveGroup(group);
            }
        }
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() == 0) {
                User user = identity.newUser(person.id());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.id() + "@bureau.example.cn");
                user.setPassword(password);
                identity.saveUser(user);
                for (String group : person.groups()) {
                    identity.createMembership(person.id(), group);
                }
            }
        }
    }

    /** The demo user who works in a candidate group. */
    static String memberOf(String group) {
        return PEOPLE.stream().filter(p -> p.groups().contains(group)).map(Person::id).findFirst().orElse("office");
    }
}
