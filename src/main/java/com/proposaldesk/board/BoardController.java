package com.proposaldesk.board;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.security.SystemReads;

/** {@code GET /api/board}: every open proposal the user may see with its stage and traffic light, and the board's totals. */
@RestController
public class BoardController {

    private final BoardService board;
    private final ProposalAccess access;
    private final SystemReads reads;

    public BoardController(BoardService board, ProposalAccess access, SystemReads reads) {
        this.board = board;
        this.access = access;
        this.reads = reads;
    }

    @GetMapping("/api/board")
    public Board board() {
        ProposalAccess.Scope scope = access.scope();
        return reads.read(() -> board.board(scope));
    }
}
