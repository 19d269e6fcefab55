"""English texts of the alert pages, added to the site's dictionary (French is the key)."""

EN = {
    "Alerte confirmée": "Alert confirmed",
    "Alerte désactivée": "Alert switched off",
    "Alerte prix": "Price alert",
    "Ce lien n'est pas valable (ou plus). Recréez l'alerte depuis la fiche du produit.": (
        "This link is not valid (any more). Create the alert again from the product page."
    ),
    "Cette alerte a été désabonnée ; créez-en une nouvelle depuis la fiche produit.": (
        "This alert was unsubscribed; create a new one from the product page."
    ),
    "Cette alerte est déjà active pour %(email)s.": "This alert is already active for %(email)s.",
    "Créer l'alerte": "Create the alert",
    "Désabonnement confirmé": "Unsubscribed",
    "Lien invalide ou expiré": "Invalid or expired link",
    "Nous avons envoyé un lien de confirmation à %(email)s. L'alerte sur « %(name)s » ne sera "
    "active qu'après un clic sur ce lien (valable 48 heures).": (
        "We sent a confirmation link to %(email)s. The alert on “%(name)s” becomes active only "
        "once that link is followed (valid for 48 hours)."
    ),
    "Prix cible en euros": "Target price in euros",
    "Retour au produit": "Back to the product",
    "Se désabonner": "Unsubscribe",
    "Un lien de confirmation vous sera envoyé ; chaque e-mail contient un lien de "
    "désabonnement.": "We will send you a confirmation link; every e-mail has an unsubscribe link.",
    "Voir les offres": "See the offers",
    "Votre adresse e-mail": "Your e-mail address",
    "Vous ne recevrez plus d'e-mail pour cette alerte sur « %(name)s ».": (
        "You will get no more e-mail for this alert on “%(name)s”."
    ),
    "Vous serez prévenu par e-mail pour « %(name)s ».": (
        "You will be told by e-mail about “%(name)s”."
    ),
    "Vérifiez votre boîte mail": "Check your inbox",
    "quand il revient en stock": "when it is back in stock",
    "quand le prix descend sous": "when the price falls below",
    "Être prévenu par e-mail": "Get an e-mail",
    "à chaque baisse de prix": "on every price drop",
    "à chaque nouveau prix le plus bas": "on every new lowest price",
    "ex. 899,00": "e.g. 899.00",
    # Refusals shown on the form.
    "adresse e-mail invalide": "invalid e-mail address",
    "prix cible invalide": "invalid target price",
    "indiquez un prix cible": "give a target price",
    "type d'alerte inconnu": "unknown kind of alert",
    "produit inconnu": "unknown product",
    "Trop de demandes : réessayez dans une heure.": "Too many requests: try again in an hour.",
    "L'e-mail de confirmation n'a pas pu être envoyé ; réessayez.": (
        "The confirmation e-mail could not be sent; please try again."
    ),
}
