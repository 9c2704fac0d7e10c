"""The steungroep's fixed words: how the group keeps in touch, and the lines a page and the
tab share (who chairs, the method's three questions per goal)."""

from __future__ import annotations

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Actor

CHANNEL_KEYS = {
    "phone": "steungroep.channel.phone",
    "whatsapp": "steungroep.channel.whatsapp",
    "email": "steungroep.channel.email",
    "in_person": "steungroep.channel.in_person",
    "video": "steungroep.channel.video",
}
QUESTION_KEYS = {
    Actor.SELF: "steungroep.question.self",
    Actor.CLOSE_ONES: "steungroep.question.close_ones",
    Actor.PROFESSIONALS: "steungroep.question.professionals",
}


def channel_word(channel: str) -> str:
    return t(CHANNEL_KEYS[channel])


def channels_line(channels: list[str]) -> str:
    return ", ".join(channel_word(c) for c in CHANNEL_KEYS if c in channels)


def question(actor: Actor, atlas: Atlas) -> str:
    """ "Wat kan Sanne zelf?", the method's question for one group of a goal."""
    client = atlas.client.shown_label or t("steungroep.the_client")
    return t(QUESTION_KEYS[Actor(actor)], client=client)
