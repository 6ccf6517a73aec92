package com.proposaldesk.memberportal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.letter.LetterFile;
import com.proposaldesk.letter.ReplyLetters;

/**
 * The member's pages, {@code /member/{token}}: no account, the signed link is the key. Any token that is not a
 * usable link answers 404 with one Chinese page that says nothing about why.
 */
@Controller
public class MemberPageController {

    static final int MAX_COMMENT = 4000;

    /** A question of the evaluation form: the field it sends, and how the form asks it. */
    public record Item(String name, String label) {
    }

    /** The items a CPPCC evaluation form asks, each 满意 / 基本满意 / 不满意. */
    static final List<Item> EVALUATION_ITEMS = List.of(new Item("result", "总体评价"), new Item("attitude", "办理态度"),
            new Item("outcome", "办理结果"), new Item("consultation", "沟通联系（办理前后是否与您充分沟通）"));

    private final MemberPortal portal;
    private final ReplyLetters letters;

    public MemberPageController(MemberPortal portal, ReplyLetters letters) {
        this.portal = portal;
        this.letters = letters;
    }

    @GetMapping("/member/{token}")
    public ModelAndView page(@PathVariable String token) {
        return portal.open(token, "打开页面").map(link -> page(link, token, HttpStatus.OK, List.of(), null))
                .orElseGet(MemberPageController::refused);
    }

    @PostMapping("/member/{token}/agreement")
    public ModelAndView agreement(@PathVariable String token, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment) {
        Optional<MemberLink> opened = portal.open(token, "提交对答复意见的意见");
        if (opened.isEmpty() || opened.get().purpose() != LinkPurpose.AGREEMENT) {
            return refused();
        }
        MemberLink link = opened.get();
        List<String> problems = new ArrayList<>();
        String text = comment(comment, problems);
        if (!"AGREE".equals(decision) && !"DISAGREE".equals(decision)) {
            problems.add("请选择“同意”或“不同意”");
        } else if ("DISAGREE".equals(decision) && text == null) {
            problems.add("不同意答复意见时，请写明您的意见，以便承办处室修改");
        }
        if (!problems.isEmpty()) {
            return page(link, token, HttpStatus.BAD_REQUEST, problems, null);
        }
        boolean agreed = "AGREE".equals(decision);
        return done(link, token, once(() -> portal.answerDraft(link, agreed, text)));
    }

    @PostMapping("/member/{token}/evaluation")
    public ModelAndView evaluation(@PathVariable String token, @RequestParam(required = false) String result,
            @RequestParam(required = false) String attitude, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String consultation, @RequestParam(required = false) String comment) {
        Optional<MemberLink> opened = portal.open(token, "提交评价");
        if (opened.isEmpty() || opened.get().purpose() != LinkPurpose.EVALUATION) {
            return refused();
        }
        MemberLink link = opened.get();
        List<String> problems = new ArrayList<>();
        EvaluationResult overall = choice(EvaluationResult.class, result, "总体评价", problems);
        Rating attitudeRating = choice(Rating.class, attitude, "办理态度", problems);
        Rating outcomeRating = choice(Rating.class, outcome, "办理结果", problems);
        Rating consultationRating = choice(Rating.class, consultation, "沟通联系", problems);
        String text = comment(comment, problems);
        if (overall == EvaluationResult.UNSATISFIED && text == null) {
            problems.add("评价不满意时，请写明您的意见，作为再办理的依据");
        }
        if (!problems.isEmpty()) {
            return page(link, token, HttpStatus.BAD_REQUEST, problems, null);
        }
        MemberPortal.Evaluation evaluation = new MemberPortal.Evaluation(overall, attitudeRating, outcomeRating,
                consultationRating, text);
        return done(link, token, once(() -> portal.evaluate(link, evaluation)));
    }

    /** The formal reply letter for the member to download: the signed PDF, which opens on a phone without Word. */
    @GetMapping("/member/{token}/letter")
    public ResponseEntity<byte[]> letter(@PathVariable String token) {
        Optional<MemberLink> opened = portal.open(token, "下载答复函");
        if (opened.isEmpty() || opened.get().purpose() != LinkPurpose.EVALUATION
                || !portal.page(opened.get()).letterAvailable()) {
            throw new LinkRefused();
        }
        return replyLetter(opened.get().proposalNumber());
    }

    /**
     * Anything else under the member pages (no token, a path or a method no page has): the same refusal as a wrong
     * token, whatever the client accepts, so that nothing tells one wrong address from another.
     */
    @RequestMapping({"/member", "/member/", "/member/**"})
    public ModelAndView elsewhere() {
        return refused();
    }

    @ExceptionHandler(LinkRefused.class)
    public ModelAndView onRefused() {
        return refused();
    }

    @ExceptionHandler(MemberPageRateLimit.TooManyRequests.class)
    public ModelAndView onTooMany() {
        return MemberPageRateLimit.tooMany();
    }

    /** A link that cannot be used for what was asked. */
    static class LinkRefused extends RuntimeException {
        LinkRefused() {
            super("link refused");
        }
    }

    private ResponseEntity<byte[]> replyLetter(String number) {
        LetterFile letter = letters.pdf(number);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(letter.filename(), StandardCharsets.UTF_8).build().toString())
                .body(letter.content());
    }

    /** Runs the answer; when the office's record won a race, the answer is taken again and kept as not counted. */
    private static MemberPortal.Outcome once(java.util.function.Supplier<MemberPortal.Outcome> answer) {
        try {
            return answer.get();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException lostRace) {
            return answer.get();
        }
    }

    private ModelAndView done(MemberLink link, String token, MemberPortal.Outcome outcome) {
        boolean evaluation = link.purpose() == LinkPurpose.EVALUATION;
        String notice = switch (outcome) {
            case COUNTED -> evaluation ? "谢谢您！您的评价已提交，提案办已据此登记。" : "谢谢您！您的意见已提交，并已转交承办处室办理。";
            case KEPT_BESIDE -> "谢谢您！您的意见已提交，将与领衔委员的意见一并存档。";
            case ALREADY_RECORDED -> "谢谢您！在您提交之前，工作人员已按电话或书面方式登记了您的意见，以先登记的为准；您在此填写的内容已一并存档。";
            case ALREADY_ANSWERED -> "您已通过此链接提交过意见，无需再次提交。";
        };
        return page(link, token, HttpStatus.OK, List.of(), notice);
    }

    private ModelAndView page(MemberLink link, String token, HttpStatus status, List<String> problems, String notice) {
        ModelAndView view = new ModelAndView("member/page");
        view.addObject("page", portal.page(link));
        view.addObject("token", token);
        view.addObject("problems", problems);
        view.addObject("notice", notice);
        view.addObject("items", EVALUATION_ITEMS);
        view.addObject("ratings", Rating.values());
        view.setStatus(status);
        return view;
    }

    static ModelAndView refused() {
        ModelAndView view = new ModelAndView("member/refused");
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }

    private static String comment(String comment, List<String> problems) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip();
        if (text.length() > MAX_COMMENT) {
            problems.add("意见最多 " + MAX_COMMENT + " 个字");
        }
        return text;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String label, List<String> problems) {
        if (value != null) {
            for (E candidate : type.getEnumConstants()) {
                if (candidate.name().equals(value)) {
                    return candidate;
                }
            }
        }
        problems.add("请选择“" + label + "”");
        return null;
    }
}
