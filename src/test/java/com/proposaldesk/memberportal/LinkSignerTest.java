package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LinkSignerTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    private static LinkSigner signer(String secret, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new LinkSigner(new MemberLinkProperties(secret, null, null, null, null, null), environment);
    }

    @Test
    void aTokenVerifiesToItsLinkIdAndAnyChangedCharacterIsRefused() {
        LinkSigner signer = signer(SECRET, "postgres");
        String id = LinkSigner.newLinkId();
        String token = signer.token(id);

        assertThat(signer.verify(token)).contains(id);
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            // every other character of the alphabet, also those that differ only in the last character's unused bits
            for (char changed : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
                if (changed != token.charAt(i)) {
                    String tampered = token.substring(0, i) + changed + token.substring(i + 1);
                    assertThat(signer.verify(tampered)).as("%s at %d", changed, i).isEmpty();
                }
            }
        }
        assertThat(signer.verify(LinkSigner.newLinkId() + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
        assertThat(signer.verify("../../etc/passwd")).isEmpty();
    }

    @Test
    void anotherSecretMakesEveryTokenInvalid() {
        String token = signer(SECRET, "postgres").token(LinkSigner.newLinkId());

        assertThat(signer(SECRET + "-rotated", "postgres").verify(token)).isEmpty();
    }

    @Test
    void outsideTheDemoAndTestProfilesTheApplicationDoesNotStartWithoutALongSecret() {
        assertThatThrownBy(() -> signer("", "postgres")).hasMessageContaining("PROPOSAL_DESK_MEMBER_LINK_SECRET");
        assertThatThrownBy(() -> signer("short", "postgres")).hasMessageContaining("至少 32 个字符");
        // demo: a random key, so that a first local run works
        LinkSigner demo = signer("", "demo");
        String id = LinkSigner.newLinkId();
        assertThat(demo.verify(demo.token(id))).contains(id);
        assertThat(signer("", "demo").verify(demo.token(id))).as("another start, another key").isEmpty();
    }
}
