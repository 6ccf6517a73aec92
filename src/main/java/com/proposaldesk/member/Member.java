package com.proposaldesk.member;

/** A CPPCC member or NPC deputy. */
public record Member(Long id, String name, String sector, String phone, String email, String district) {
}
