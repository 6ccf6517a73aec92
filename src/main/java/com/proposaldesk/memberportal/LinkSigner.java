package com.proposaldesk.memberportal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Signs a link's id with HMAC-SHA256: a token is {@code <link id>.<signature>}, both base64url. Without the secret
 * nobody can make a token the application accepts, and a token changed in any character is refused before the
 * database is asked.
 */
@Component
public class LinkSigner {

    static final String SECRET_VARIABLE = "PROPOSAL_DESK_MEMBER_LINK_SECRET";
    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(LinkSigner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public LinkSigner(MemberLinkProperties properties, Environment environment) {
        String secret = properties.secret() == null ? "" : properties.secret().strip();
        if (secret.isEmpty() && environment.acceptsProfiles(Profiles.of("demo", "test"))) {
            LOG.warn("{} is not set: member links are signed with a random key drawn now, and stop working when the "
                    + "application restarts (demo and test profiles only)", SECRET_VARIABLE);
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            this.key = new SecretKeySpec(random, "HmacSHA256");
            return;
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("委员链接的签名密钥未设置或过短：请设置环境变量 " + SECRET_VARIABLE
                    + "（配置项 proposal-desk.member-links.secret），至少 " + MIN_SECRET_LENGTH + " 个字符；各节点必须相同");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A new random link id: 128 bits, base64url. */
    static String newLinkId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return BASE64.encodeToString(id);
    }

    public String token(String linkId) {
        return linkId + "." + BASE64.encodeToString(mac(linkId));
    }

    /** The link id the token carries, if its signature is right. */
    public Optional<String> verify(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String linkId = token.substring(0, dot);
        // compared as text: decoding would also take the variants that differ only in the unused bits of the last character
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = BASE64.encodeToString(mac(linkId)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(linkId) : Optional.empty();
    }

    private byte[] mac(String linkId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(linkId.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
