package com.proposaldesk.letter;

import com.proposaldesk.reply.Reply;

/** An approved or sent reply with the units it is (to be) copied to, as recorded when it was sent. */
record IssuedReply(Reply reply, String copiedTo) {
}
