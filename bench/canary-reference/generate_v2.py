#!/usr/bin/env python3
"""Writes src/QualityWatch/Canary/reference-v2.jsonl: the canary's reference set v2.

1,500 synthetic, PII-free support turns with known answers: 1,200 clean (the response says only what the context
says) and 300 hallucinated (it adds, or contradicts, a fact; marked [[hallucination]] for the judge simulator, a
marker the service strips before a real judge sees the text). Seeded, so a re-run writes the same file. v1's
families, phrasings and 100/400 split are kept; v2 adds families, phrasings and subtle contradictions (a changed
number), so a judge that starts missing the quieter hallucinations is seen too.

    python3 bench/canary-reference/generate_v2.py
"""
import json
import pathlib
import random

CLEAN, HALLUCINATED = 1200, 300
rng = random.Random(20261206)
pick = rng.choice


def ticket():
    return f"Ticket T-{rng.randint(1000, 9999)}."


def order_family():
    order, day = rng.randint(100000, 999999), f"{pick(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'])} {rng.randint(1, 28)}"
    carrier, days = pick(["DHL", "UPS", "PostNL", "GLS", "DPD"]), rng.randint(2, 5)
    context = f"{ticket()} Order {order} shipped on {day} with {carrier}. Standard delivery takes {days} business days. Tracking is available in the account page."
    clean = [
        f"Your order {order} shipped on {day} with {carrier}, and standard delivery takes about {days} business days. You can follow it on your account page.",
        f"Order {order} left us on {day} with {carrier}. Standard delivery takes {days} business days, and tracking is in your account page.",
    ]
    other = pick([c for c in ["DHL", "UPS", "PostNL", "GLS", "DPD"] if c != carrier])
    bad = [
        f"Your order {order} shipped on {day} with {carrier} and will arrive tomorrow morning by express courier at no extra charge.",
        f"Your order {order} was shipped on {day} with {other} and needs a signature on delivery.",
        f"Order {order} shipped with {carrier}; because of the delay we have added a 20% discount to your next purchase.",
        f"Order {order} shipped on {day} with {carrier}; standard delivery takes {days + 5} business days.",
    ]
    return "Where is my order?", context, clean, bad


def support_family():
    start, end = rng.choice([8, 9, 10]), rng.choice([17, 18, 20])
    saturday = pick([True, False])
    sat_text = "open on Saturdays from 10:00 to 14:00" if saturday else "closed on Saturdays"
    context = f"{ticket()} Support hours: Monday to Friday {start}:00 to {end}:00 CET, {sat_text}. Chat is the fastest channel; the callback form answers within one business day."
    clean = [
        f"Support is available Monday to Friday from {start}:00 to {end}:00 CET and is {sat_text}. Chat is the fastest way to reach us.",
        f"You can reach us Monday to Friday, {start}:00 to {end}:00 CET ({sat_text}). Chat is quickest; the callback form answers within one business day.",
    ]
    bad = [
        f"Support works Monday to Friday {start}:00 to {end}:00 CET, and premium customers get a dedicated phone line with no waiting.",
        "Support is available around the clock, every day of the year, including public holidays.",
        f"Support is available Monday to Friday from {start}:00 to {end}:00 CET; the callback form answers within ten minutes.",
        f"Support is available Monday to Friday from {start}:00 to {end + 2}:00 CET and is {sat_text}.",
    ]
    return "When can I reach support?", context, clean, bad


def gift_card_family():
    years = rng.choice([1, 2, 3])
    unit = "year" if years == 1 else "years"
    context = f"{ticket()} Gift cards are valid for {years} {unit} from purchase and can be used online and in stores. They cannot be exchanged for cash."
    clean = [
        f"No, gift cards cannot be exchanged for cash. They stay valid for {years} {unit} and work online and in stores.",
        f"Gift cards can't be cashed out, but you can spend them online or in a store for {years} {unit} after purchase.",
    ]
    bad = [
        "No cash-outs, but the card earns 3% interest on its balance every year.",
        "Yes, you can cash out any remaining balance above 5 EUR at a store counter.",
        f"No cash-outs; the card is valid for {years + 4} years and works online and in stores.",
    ]
    return "Can I cash out my gift card?", context, clean, bad


def password_family():
    minutes = rng.choice([15, 30, 60])
    context = f"{ticket()} Password reset links expire after {minutes} minutes. After five failed logins the account is locked for one hour. Two-factor authentication can be enabled in Settings > Security."
    clean = [
        f"Request a reset link from the login page; it expires after {minutes} minutes. If the account is locked after five failed attempts, wait one hour.",
        f"Use the reset link on the login page within {minutes} minutes. Five failed logins lock the account for an hour.",
    ]
    bad = [
        "Request a reset link; it stays valid for seven days, so there is no rush.",
        "Our agents can read your current password to you over chat once you confirm your name.",
        f"Request a reset link; it expires after {minutes} minutes, and three failed logins lock the account for a day.",
    ]
    return "I forgot my password, what do I do?", context, clean, bad


def outage_family():
    at, minutes = f"{rng.randint(9, 19)}:{pick(['00', '15', '30', '45'])}", rng.choice([20, 40, 55])
    context = f"{ticket()} Status page: payments were degraded today from {at} CET for {minutes} minutes and are now working normally. No charges were duplicated."
    clean = [
        f"No. Payments were degraded today from {at} CET for about {minutes} minutes, and no charges were duplicated. Everything is working normally now.",
        f"You were not charged twice: payments were slow from {at} CET for about {minutes} minutes, no charge was duplicated, and it all works again.",
    ]
    bad = [
        "No duplicate charges occurred, and every affected customer receives a free month of service.",
        f"Some customers were charged twice between {at} and now; a refund will arrive within 24 hours.",
        f"No. Payments were down from {at} CET for about {minutes * 3} minutes, and no charges were duplicated.",
    ]
    return "Was I charged twice during the outage?", context, clean, bad


def loyalty_family():
    earn, redeem = rng.choice([1, 2, 5]), rng.choice([100, 200, 500])
    context = f"{ticket()} Loyalty members earn {earn} point per euro spent. Points can be redeemed from {redeem} points, at 1 EUR per 100 points. Points expire after 12 months without a purchase."
    clean = [
        f"You earn {earn} point per euro spent and can redeem from {redeem} points, at 1 EUR per 100 points. Points expire after 12 months without a purchase.",
        f"Every euro earns {earn} point; from {redeem} points you can redeem them, 100 points for 1 EUR. They expire after 12 months without a purchase.",
    ]
    bad = [
        f"You earn {earn * 10} points per euro, and points never expire.",
        f"You can redeem from {redeem} points, and points can be converted into airline miles at double value.",
        f"You earn {earn} point per euro and can redeem from {redeem} points, at 1 EUR per 10 points.",
    ]
    return "How do loyalty points work?", context, clean, bad


def warranty_family():
    product, spec = pick([("Stride running shoe", "a 10 mm drop"), ("Trail 40 backpack", "40 litres"), ("Aero 2 kettle", "1.7 litres"),
                          ("Brew Pro grinder", "15 grind settings"), ("Quiet 9 headphones", "30 hours of battery"), ("Harbor tent", "room for 3 people"),
                          ("Orbit blender", "a 1.5 litre jug"), ("Cirrus fan", "three speeds"), ("Nimbus desk lamp", "a dimmer"), ("Pixel frame", "a 10 inch screen")])
    term = pick(["6 months", "1 year", "2 years", "3 years", "5 years"])
    context = f"{ticket()} Product sheet: the {product} has {spec}. Warranty: {term} from purchase. It ships with a quick-start guide."
    clean = [
        f"The {product} comes with a {term} warranty from the date of purchase.",
        f"The warranty on the {product} is {term} from purchase.",
    ]
    bad = [
        f"The {product} has {spec} and is certified waterproof to 50 metres.",
        f"The warranty is {term}, and registering the product online extends it by another two years.",
        f"The {product} comes with a lifetime warranty, including accidental damage.",
    ]
    return f"What warranty does the {product} have?", context, clean, bad


def size_family():
    item, fit = pick(["shirt", "jacket", "shoe", "dress", "trouser"]), pick(["runs small", "runs large", "runs true to size"])
    context = f"{ticket()} Fit guide: this {item} model {fit}. Sizes range from XS to XXL. Exchanges for a different size are free within 30 days."
    clean = [
        f"This {item} model {fit}, with sizes from XS to XXL. If the size is not right, an exchange is free within 30 days.",
        f"The fit guide says this {item} {fit}; sizes go from XS to XXL, and a size exchange is free within 30 days.",
    ]
    bad = [
        f"Take one size up: this {item} is made to measure, and every order includes a free second size.",
        "Sizes go from XXS to 4XL, and exchanges are free for a full year.",
        f"This {item} model {fit}, and we can tailor it to your measurements for free.",
    ]
    return f"Which size should I take for this {item}?", context, clean, bad


def cancel_family():
    plan, price = pick([("Basic", 6), ("Plus", 12), ("Team", 30), ("Studio", 45)])
    day = rng.randint(1, 28)
    context = f"{ticket()} The {plan} plan costs {price} EUR per month, billed on day {day} of each month. Cancelling stops the next renewal; the current month is not refunded."
    clean = [
        f"Cancelling stops the next renewal on day {day}, but the current month of the {plan} plan ({price} EUR) is not refunded.",
        f"No refund for the current month: cancelling the {plan} plan only stops the renewal on day {day}.",
    ]
    bad = [
        f"Yes, cancelling the {plan} plan refunds the unused days of the current month automatically.",
        f"The current month is not refunded, but you keep access to the {plan} plan for 90 days after cancelling.",
        f"Cancelling stops the renewal, and the {plan} plan drops to {price - 3} EUR if you stay for one more year.",
    ]
    return f"If I cancel the {plan} plan now, do I get money back?", context, clean, bad


def return_family():
    item, days = pick(["kettle", "backpack", "tent", "jacket", "lamp", "shoes"]), rng.choice([14, 30])
    shipping = pick(["free", "a 4 EUR label fee"])
    context = f"{ticket()} Items can be returned within {days} days of delivery if unused. Return shipping is {shipping}. Refunds go to the original payment method within 5 business days of receipt."
    clean = [
        f"Yes, as long as the {item} is unused and within {days} days of delivery. Return shipping is {shipping}, and the refund reaches your original payment method within 5 business days after we receive it.",
        f"You can return the unused {item} within {days} days of delivery; return shipping is {shipping}, and the refund follows within 5 business days of receipt.",
    ]
    bad = [
        f"Yes, you can return the {item} within 90 days, even if you have used it, and the refund is instant.",
        f"Yes. Return shipping is {shipping}, and we also refund the original delivery cost plus a 10 EUR goodwill credit.",
        f"Yes, within {days} days if unused; the refund is paid out in cash at any store.",
    ]
    return f"Can I return the {item} I bought?", context, clean, bad


# New in v2.
def store_hours_family():
    city, opens, closes = pick(["Utrecht", "Ghent", "Leeds", "Lyon", "Bremen"]), rng.choice([9, 10]), rng.choice([18, 19, 21])
    sunday = pick(["closed on Sundays", "open on Sundays from 12:00 to 17:00"])
    context = f"{ticket()} Store page: the {city} store opens Monday to Saturday from {opens}:00 to {closes}:00 and is {sunday}. Parking is free for two hours."
    clean = [
        f"The {city} store is open Monday to Saturday, {opens}:00 to {closes}:00, and is {sunday}. Parking is free for two hours.",
        f"Monday to Saturday {opens}:00 to {closes}:00; on Sundays the {city} store is {sunday.replace('open on Sundays', 'open').replace('closed on Sundays', 'closed')}.",
    ]
    bad = [
        f"The {city} store is open every day until midnight, and parking is free all day.",
        f"The {city} store opens Monday to Saturday from {opens}:00 to {closes + 2}:00 and is {sunday}.",
        f"The {city} store is open Monday to Saturday, {opens}:00 to {closes}:00, and offers free same-day delivery within the city.",
    ]
    return f"When is the {city} store open?", context, clean, bad


def delivery_fee_family():
    fee, threshold = rng.choice([3, 4, 5]), rng.choice([25, 40, 50])
    context = f"{ticket()} Delivery costs {fee} EUR per order and is free for orders from {threshold} EUR. Deliveries go to the Netherlands, Belgium and Germany."
    clean = [
        f"Delivery costs {fee} EUR, and it is free for orders from {threshold} EUR. We deliver to the Netherlands, Belgium and Germany.",
        f"It's {fee} EUR per order, free from {threshold} EUR.",
    ]
    bad = [
        f"Delivery is always free, and we ship worldwide.",
        f"Delivery costs {fee} EUR and is free for orders from {threshold + 30} EUR.",
        f"Delivery costs {fee} EUR, and members get a free express upgrade on every order.",
    ]
    return "How much is delivery?", context, clean, bad


def pause_family():
    months = rng.choice([1, 2, 3])
    unit = "month" if months == 1 else "months"
    context = f"{ticket()} Subscriptions can be paused once a year for up to {months} {unit}. During a pause nothing is billed and deliveries stop. The pause can be ended early in the app."
    clean = [
        f"Yes, once a year for up to {months} {unit}. Nothing is billed and deliveries stop while it is paused, and you can end the pause early in the app.",
        f"You can pause once a year, for at most {months} {unit}; billing and deliveries stop until the pause ends.",
    ]
    bad = [
        f"Yes, you can pause as often as you like, for up to a year each time.",
        f"Yes, for up to {months} {unit}; you keep receiving deliveries at half price during the pause.",
        f"Yes, twice a year for up to {months + 3} months.",
    ]
    return "Can I pause my subscription?", context, clean, bad


def price_match_family():
    days = rng.choice([7, 14])
    context = f"{ticket()} Price promise: if the same item is cheaper at a listed competitor within {days} days of purchase, the difference is refunded as store credit. Marketplace sellers are excluded."
    clean = [
        f"Yes, within {days} days of purchase, if a listed competitor sells the same item for less; the difference comes back as store credit. Marketplace sellers don't count.",
        f"If a listed competitor has it cheaper within {days} days, we refund the difference as store credit (not for marketplace sellers).",
    ]
    bad = [
        f"Yes, we refund double the difference in cash, from any shop including marketplace sellers.",
        f"Yes, within {days * 4} days of purchase; the difference is refunded as store credit.",
        f"Yes, within {days} days; on top of the difference you get a 10 EUR voucher.",
    ]
    return "Do you match a lower price?", context, clean, bad


def export_family():
    hours = rng.choice([24, 48, 72])
    context = f"{ticket()} Account data can be exported from Settings > Privacy as a ZIP file. The download link arrives by email within {hours} hours and works for 7 days."
    clean = [
        f"Go to Settings > Privacy and request the export; a download link for the ZIP file arrives by email within {hours} hours and works for 7 days.",
        f"Request it in Settings > Privacy. You get an email with a ZIP download link within {hours} hours; the link is valid for 7 days.",
    ]
    bad = [
        "Exports are instant, and the download link never expires.",
        f"Request it in Settings > Privacy; the link arrives within {hours} hours and we also mail you a printed copy.",
        f"Request it in Settings > Privacy; the link arrives within {hours} hours and works for 30 days.",
    ]
    return "How do I get a copy of my data?", context, clean, bad


FAMILIES = [order_family, support_family, gift_card_family, password_family, outage_family, loyalty_family, warranty_family,
            size_family, cancel_family, return_family, store_hours_family, delivery_fee_family, pause_family, price_match_family, export_family]


def main():
    answers = [True] * HALLUCINATED + [False] * CLEAN
    rng.shuffle(answers)
    lines = []
    for n, hallucinated in enumerate(answers, start=1):
        prompt, context, clean, bad = FAMILIES[(n - 1) % len(FAMILIES)]()
        response = f"{pick(bad)} [[hallucination]]" if hallucinated else pick(clean)
        lines.append(json.dumps({"id": f"ref-v2-{n:04d}", "context": context, "prompt": prompt, "response": response, "hallucination": hallucinated}, ensure_ascii=False))
    target = pathlib.Path(__file__).resolve().parents[2] / "src" / "QualityWatch" / "Canary" / "reference-v2.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} items, {HALLUCINATED} hallucinated, {CLEAN} clean")


if __name__ == "__main__":
    main()
