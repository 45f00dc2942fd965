"""Reviewer comments: comments.xml text and authors, their anchors from the body walk,
reply threads from commentsExtended.xml (Word 2013+)."""

from __future__ import annotations

from ..model import Comment, TrackedChange
from .body import BodyReader
from .notes import story_text
from .oxml import P
from .package import W14, W15, W
from .stories import CommentAnchor, Container
from .styles import Styles


def reply_parents(extended_root) -> dict[str, str]:
    """paraId of a comment's last paragraph -> paraId of its parent's (replies only)."""
    if extended_root is None:
        return {}
    out = {}
    for ex in extended_root.iter(W15 + "commentEx"):
        para, parent = ex.get(W15 + "paraId"), ex.get(W15 + "paraIdParent")
        if para and parent:
            out[para] = parent
    return out


def done_marks(extended_root) -> dict[str, bool]:
    """paraId of a comment's last paragraph -> whether its thread is resolved (w15:done)."""
    if extended_root is None:
        return {}
    return {ex.get(W15 + "paraId"): ex.get(W15 + "done") in ("1", "true")
            for ex in extended_root.iter(W15 + "commentEx") if ex.get(W15 + "paraId")}


def read_comments(root, styles: Styles, ranges: dict[str, CommentAnchor],
                  refs: dict[str, int], extended_root,
                  changes: list[TrackedChange]) -> list[Comment]:
    """The comments of comments.xml in file order, with anchors and reply parents.

    ranges / refs: what the body walk saw (commentRangeStart..End, commentReference).
    Tracked changes inside comments are appended to `changes` (block_id None).
    """
    reader = BodyReader(styles)
    parents = reply_parents(extended_root)
    done = done_marks(extended_root)
    by_para: dict[str, str] = {}
    drafts = []
    for el in root.iter(W + "comment"):
        cid = el.get(W + "id") or ""
        ref = f"comment {cid}"
        start = len(reader.changes)
        blocks = reader.read_blocks(el, Container(ref))
        changes.extend(c.freeze(block_id=None) for c in reader.changes[start:])
        paras = list(el.iter(P))
        if paras:
            para_id = paras[-1].get(W14 + "paraId")
            if para_id:
                by_para[para_id] = cid
        drafts.append((el, cid, ref, story_text(blocks), paras[-1].get(W14 + "paraId") if paras else None))
    comments = []
    cid_para = {cid: para_id for _, cid, _, _, para_id in drafts}
    for el, cid, ref, text, para_id in drafts:
        anchor = ranges.get(cid)
        anchor_block = anchor.block_id if anchor is not None else refs.get(cid)
        if anchor_block is None and cid in refs:
            anchor_block = refs[cid]
        parent = by_para.get(parents.get(para_id or "", ""))
        # Word marks the thread done on its first comment; a reply shares its state
        root_para = cid_para.get(parent, para_id) if parent and parent != cid else para_id
        resolved = done.get(root_para or "") if done else None
        comments.append(Comment(
            comment_id=cid,
            author=el.get(W + "author"),
            text=text,
            source_ref=ref,
            initials=el.get(W + "initials"),
            date=el.get(W + "date"),
            anchor_text="".join(anchor.parts) if anchor is not None else None,
            anchor_block=anchor_block,
            parent_id=parent if parent != cid else None,
            resolved=resolved,
        ))
    return comments
