"""English texts for the French ones used in the templates and labels (French is the key).

A French text missing here shows in French: tests check the main pages have none missing.
"""

EN: dict[str, str] = {
    # Layout and search
    "Comparateur": "Comparateur",
    "Comparateur de prix Hi-tech": "Hi-tech price comparison",
    "Recherchez le meilleur prix des produits Hi-tech": "Find the best price for hi-tech products",
    "Rechercher": "Search",
    "Langue": "Language",
    "Classement par prix total, livraison comprise ; les offres ne sont pas sponsorisées.": (
        "Ranked by total price, delivery included; offers are not sponsored."
    ),
    "Méthodologie et exports CSV": "Methodology and CSV exports",
    "%(n)s offre(s) · %(m)s boutique(s)": "%(n)s offer(s) · %(m)s shop(s)",
    "%(n)s produit(s)": "%(n)s product(s)",
    "Plus de %(n)s produits : précisez la recherche ou filtrez.": (
        "More than %(n)s products: refine the search or filter."
    ),
    "Filtres comptés sur les %(n)s premiers produits.": (
        "Filters counted over the first %(n)s products."
    ),
    "dès": "from",
    "en rupture": "out of stock",
    "Aucune offre pour l'instant": "No offer yet",
    "Le meilleur prix, livraison comprise": "The best price, delivery included",
    "Cartes graphiques, GPU pour centres de données, smartphones, écouteurs, ordinateurs "
    "portables : nous relevons les prix des boutiques chaque jour et les classons par prix "
    "total, frais de port inclus.": (
        "Graphics cards, datacenter GPUs, smartphones, earbuds, laptops: we read shop prices "
        "every day and rank them by total price, shipping included."
    ),
    "Catégories": "Categories",
    "Les plus comparés": "Most compared",
    "Le catalogue est vide pour l'instant.": "The catalogue is empty for now.",
    "« %(q)s » : meilleurs prix": "“%(q)s”: best prices",
    "Catalogue": "Catalogue",
    "Résultats pour « %(q)s »": "Results for “%(q)s”",
    "Télécharger en CSV": "Download as CSV",
    "Recherche corrigée :": "Search corrected:",
    "Filtres": "Filters",
    "Catégorie": "Category",
    "Marque": "Brand",
    "Prix total": "Total price",
    "Stockage": "Storage",
    "Mémoire GPU": "GPU memory",
    "Disponibilité": "Availability",
    "Pages": "Pages",
    "Précédente": "Previous",
    "Suivante": "Next",
    "Page %(p)s sur %(n)s": "Page %(p)s of %(n)s",
    "Aucun produit ne correspond": "No product matches",
    "Vérifiez l'orthographe, retirez un filtre ou essayez un terme plus général (« rtx 5090 », "
    "« iphone 16 », « airpods pro »).": (
        "Check the spelling, remove a filter or try a broader term (“rtx 5090”, “iphone 16”, "
        "“airpods pro”)."
    ),
    "Vous cherchiez peut-être": "Did you mean",
    "plus de %(p)s": "over %(p)s",
    "%(n)s Go": "%(n)s GB",
    "En stock": "In stock",
    "En rupture": "Out of stock",
    # Errors
    "Page introuvable": "Page not found",
    "Une erreur est survenue": "Something went wrong",
    "Requête refusée": "Request refused",
    "Ce produit ou cette page n'existe pas (ou plus). Utilisez le Comparateur ci-dessus pour "
    "retrouver un produit.": (
        "This product or page does not exist (any more). Use the Comparateur box above to find "
        "a product."
    ),
    "Erreur %(code)s : %(name)s.": "Error %(code)s: %(name)s.",
    "Retour à l'accueil du Comparateur": "Back to the Comparateur home page",
    # Product page
    "%(name)s : meilleur prix": "%(name)s: best price",
    "Meilleur prix total": "Best total price",
    "Aucune offre avec un prix pour l'instant.": "No priced offer yet.",
    "Bonne affaire ?": "A good deal?",
    "Oui : c'est le prix le plus bas relevé depuis 90 jours.": (
        "Yes: it is the lowest price seen in 90 days."
    ),
    "Plutôt oui : parmi les 25 % des prix les plus bas des 90 derniers jours.": (
        "Rather yes: among the lowest 25% of prices of the last 90 days."
    ),
    "Prix dans la moyenne des 90 derniers jours.": "An average price for the last 90 days.",
    "Non : plus cher que la moitié des jours des 90 derniers jours. Patientez si vous le "
    "pouvez.": "No: dearer than on half the days of the last 90 days. Wait if you can.",
    "Pas encore assez d'historique pour juger (14 jours au moins).": (
        "Not enough history to judge yet (at least 14 days)."
    ),
    "Plus bas sur 90 jours : %(p)s.": "90-day low: %(p)s.",
    "%(p)s par Go de stockage": "%(p)s per GB of storage",
    "%(p)s par Go de mémoire GPU": "%(p)s per GB of GPU memory",
    "%(p)s par TFLOP": "%(p)s per TFLOP",
    "Autres versions": "Other versions",
    "Coloris proposés par les boutiques :": "Colours offered by the shops:",
    "Offres des boutiques": "Shop offers",
    "Les offres en stock passent devant celles en rupture ; à prix égal, la plus récemment "
    "vérifiée d'abord.": (
        "Offers in stock come before those out of stock; at equal prices, the most recently "
        "checked first."
    ),
    "Boutique": "Shop",
    "Prix": "Price",
    "Livraison": "Delivery",
    "Vu": "Seen",
    "vu": "seen",
    "Pourquoi cette offre": "Why this offer",
    "Prix le plus bas des 30 jours précédant la dernière baisse (directive Omnibus)": (
        "Lowest price of the 30 days before the latest price cut (Omnibus directive)"
    ),
    "Prix de référence : %(p)s": "Reference price: %(p)s",
    "non indiquée": "not stated",
    "offerte": "free",
    "Prix lu :": "Price read from:",
    "Rattachement :": "Matched by:",
    "score": "score",
    "Voir l'offre": "See the offer",
    "Aucune boutique ne propose ce produit pour l'instant.": "No shop offers this product yet.",
    "Prix de référence : le prix le plus bas pratiqué par la boutique pendant les 30 jours qui "
    "ont précédé sa dernière baisse de prix (directive européenne Omnibus).": (
        "Reference price: the shop's lowest price during the 30 days before its latest price "
        "cut (EU Omnibus directive)."
    ),
    "Historique des prix": "Price history",
    "Période": "Period",
    "Historique en CSV": "History as CSV",
    "Prix le plus bas du marché": "Market low",
    "Graphique de l’historique des prix": "Price history chart",
    "Du %(a)s au %(b)s : plus bas %(low)s, plus haut %(high)s (prix le plus bas du jour, "
    "livraison comprise).": (
        "From %(a)s to %(b)s: low %(low)s, high %(high)s (the day's lowest price, delivery "
        "included)."
    ),
    "Voir les données en tableau": "See the data as a table",
    "Jour": "Day",
    "Plus bas du marché": "Market low",
    "Pas encore d'historique sur cette période.": "No history for this period yet.",
    "Caractéristiques": "Specifications",
    "Modèle": "Model",
    "Comment lire cette page": "How to read this page",
    "« Bonne affaire ? » compare le meilleur prix total du jour aux prix les plus bas relevés "
    "chaque jour pendant 90 jours : au plus bas de la période, c'est « oui » ; dans le quart le "
    "moins cher, « plutôt oui » ; au-dessus de la médiane, « non » ; sinon « dans la "
    "moyenne ». Il faut au moins 14 jours d'historique.": (
        "“A good deal?” compares today's best total price with each day's lowest price over "
        "90 days: at the period's low, “yes”; in the cheapest quarter, “rather yes”; above the "
        "median, “no”; otherwise “average”. It needs at least 14 days of history."
    ),
    # Links to the alerts and feeds areas
    "Créer une alerte prix": "Create a price alert",
    "Flux Atom des prix": "Price Atom feed",
    # Labels
    "Cartes graphiques": "Graphics cards",
    "GPU pour centres de données": "Datacenter GPUs",
    "Smartphones": "Smartphones",
    "Écouteurs": "Earbuds",
    "Casques audio": "Headphones",
    "Ordinateurs portables": "Laptops",
    "Accessoires": "Accessories",
    "Packs": "Bundles",
    "Stock limité": "Limited stock",
    "En stock (en ligne)": "In stock (online)",
    "En magasin uniquement": "In store only",
    "Précommande": "Pre-order",
    "Sur commande": "Back-order",
    "Plus fabriqué": "Discontinued",
    "Épuisé": "Sold out",
    "non précisée": "not stated",
    "non précisé": "not stated",
    "données structurées JSON-LD": "JSON-LD structured data",
    "microdonnées de la page": "the page's microdata",
    "RDFa de la page": "the page's RDFa",
    "balises Open Graph": "Open Graph tags",
    "lecteur dédié à la boutique": "a reader written for the shop",
    "texte de la page": "the page text",
    "flux produits de la boutique": "the shop's product feed",
    "page rendue dans un navigateur": "the page rendered in a browser",
    "même code-barres (GTIN)": "same barcode (GTIN)",
    "même référence fabricant (MPN)": "same manufacturer part number (MPN)",
    "titre et caractéristiques très proches": "very close title and specifications",
    "première offre de ce produit": "first offer of this product",
    "vérifié par la rédaction": "checked by the newsroom",
    "30 jours": "30 days",
    "90 jours": "90 days",
    "1 an": "1 year",
    "tout": "all",
    "Stockage (Go)": "Storage (GB)",
    "Mémoire (Go)": "Memory (GB)",
    "Mémoire vive (Go)": "RAM (GB)",
    "Puissance (TFLOPS)": "Compute (TFLOPS)",
    "Écran (pouces)": "Screen (inches)",
    "Couleur": "Colour",
    # Export help
    "D'où viennent les prix": "Where prices come from",
    "Nos robots lisent les pages produits et les flux des boutiques partenaires ou publiques, "
    "en respectant leurs règles d'exploration. Le prix vient en priorité des données "
    "structurées de la page (JSON-LD, microdonnées), sinon d'un lecteur propre à la boutique "
    "ou du flux produits. Chaque page produit indique la source de chaque prix.": (
        "Our crawlers read product pages and feeds of partner or public shops, following their "
        "crawling rules. The price comes first from the page's structured data (JSON-LD, "
        "microdata), else from a reader written for the shop or from its product feed. Each "
        "product page states the source of each price."
    ),
    "Fréquence de mise à jour": "Update frequency",
    "Chaque boutique est relevée au moins une fois par jour, souvent plusieurs fois. La mention "
    "« vu il y a … » donne l'heure du dernier relevé de chaque offre.": (
        "Every shop is read at least once a day, often more. “Seen … ago” gives the time each "
        "offer was last read."
    ),
    "Le prix total est le prix affiché plus les frais de livraison vers la France "
    "métropolitaine quand la boutique les indique ; sinon la livraison compte pour zéro et la "
    "page le signale (« non indiquée »). Les offres sont classées par prix total, les offres "
    "en rupture après celles en stock. Aucune offre n'est sponsorisée.": (
        "The total price is the displayed price plus delivery to mainland France when the shop "
        "states it; otherwise delivery counts as zero and the page says so (“not stated”). "
        "Offers are ranked by total price, those out of stock after those in stock. No offer "
        "is sponsored."
    ),
    "Fichiers disponibles": "Available files",
    "Historique d'un produit :": "A product's history:",
    "Résultats d'une recherche :": "Search results:",
    "Une catégorie :": "A category:",
    "Une période :": "A date range:",
    "(option category=…)": "(option category=…)",
    "Ajoutez bom=1 pour Excel. Encodage UTF-8, séparateur virgule, point décimal, dates ISO "
    "8601 en UTC. Une cellule de texte qui commence par =, +, -, @, une tabulation ou un retour "
    "chariot est précédée d'une apostrophe pour qu'un tableur ne l'exécute pas comme une "
    "formule.": (
        "Add bom=1 for Excel. UTF-8, comma separator, decimal point, ISO 8601 dates in UTC. A "
        "text cell starting with =, +, -, @, a tab or a carriage return is prefixed with an "
        "apostrophe so that a spreadsheet does not run it as a formula."
    ),
    "Colonnes des historiques de prix": "Columns of price histories",
    "Colonnes des listes de produits": "Columns of product lists",
    "La documentation complète des colonnes et l'API JSON sont décrites dans le fichier "
    "docs/webapp.md du projet et dans": (
        "The full column documentation and the JSON API are described in the project's "
        "docs/webapp.md and in"
    ),
}
