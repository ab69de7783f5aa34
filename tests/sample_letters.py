"""Letters shared by several test modules."""

# Accents, curly apostrophes and emoji (two UTF-16 units each) before and inside flagged spans.
NON_ASCII_LETTER = (
    "Dear Zoë 😊,\n"
    "\n"
    "Café mornings with you 🌞 were my favourite part of the week. "
    "I’m begging you 🙏 — please, I can’t live without you!!!\n"
    "\n"
    "Since spring I’ve been seeing a counsellor, and I’m steadier now. I’m sorry I shut you out; "
    "that was my part. I’d like to try counselling together, and I believe we can be good for each "
    "other again.\n"
    "\n"
    "I hope to hear from you whenever you’re ready. 💌\n"
    "\n"
    "Love,\n"
    "Jo\n"
)
