package com.proposaldesk.board;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/board}: every open proposal with its stage and traffic light, and the board's totals. */
@RestController
public class BoardController {

    private final BoardService board;

    public BoardController(BoardService board) {
        this.board = board;
    }

    @GetMapping("/api/board")
    public Board board() {
        return board.board();
    }
}
