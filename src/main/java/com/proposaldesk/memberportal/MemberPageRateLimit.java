package com.proposaldesk.memberportal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * At most {@code proposal-desk.member-links.requests-per-minute} requests to {@code /member/**} per client address and
 * minute (a token bucket per address, refilled each minute); more get 429 with a Chinese page. Per node, without a
 * shared store: enough to make guessing tokens (2^128 ids, and a signature besides) and hammering the pages
 * pointless. Behind a proxy, the client address is the one Tomcat's RemoteIpValve resolves
 * ({@code server.forward-headers-strategy}).
 */
@Configuration
public class MemberPageRateLimit implements WebMvcConfigurer {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final TimeMeter clock;
    /** Addresses not seen for two windows are forgotten, so the map stays small. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .maximumSize(100_000)
            .build();

    @Autowired
    public MemberPageRateLimit(MemberLinkProperties properties) {
        this(properties.requestsPerMinute(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    MemberPageRateLimit(int perMinute, TimeMeter clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (allow(request.getRemoteAddr())) {
                    return true;
                }
                throw new TooManyRequests();
            }
        }).addPathPatterns("/member/**");
    }

    boolean allow(String client) {
        return buckets.get(client, address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, WINDOW).build())
                .withCustomTimePrecision(clock)
                .build()).tryConsume(1);
    }

    /** Answered by {@link MemberPageController} with the Chinese 429 page. */
    static class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("too many member-page requests");
        }
    }

    static ModelAndView tooMany() {
        ModelAndView view = new ModelAndView("member/refused");
        view.addObject("tooMany", true);
        view.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return view;
    }
}
