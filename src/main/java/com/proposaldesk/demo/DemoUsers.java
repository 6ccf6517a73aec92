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

    record Person(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("admin", "系统", "管理员", List.of(Groups.CAMUNDA_ADMIN)),
            new Person("office", "晓明", "王", List.of("office")),
            new Person("food", "小红", "李", List.of("dept-food")),
            new Person("food-head", "建国", "张", List.of("head-food")),
            new Person("ip", "思远", "赵", List.of("dept-ip")),
            new Person("ip-head", "海燕", "钱", List.of("head-ip")),
            new Person("equipment", "志强", "孙", List.of("dept-equipment")),
            new Person("equipment-head", "丽华", "周", List.of("head-equipment")),
            new Person("leader", "国华", "吴", List.of("leader")),
            new Person("principal", "卫东", "郑", List.of("principal")));

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
