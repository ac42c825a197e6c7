"""How well a supervised closed-set classifier attributes the texts style:eval scores.

    /usr/bin/python3 scripts/style-reference/closed-set-ceiling.py FILE.jsonl [...]

Needs scikit-learn (Debian: apt-get install python3-sklearn); not part of the product or its tests.
The split is style:eval's at k = 7 on whole texts: each author's first 7 texts train, their later
texts of 15 words or more are queries. Unlike the product, which knows one person and the
reference, the classifier is given every candidate's texts at once, so its figures say what the
texts allow at this profile size, not what a single-profile score could reach.
"""
import json
import sys
from collections import OrderedDict

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC

K = 7
MIN_WORDS = 15


def authors_of(path):
    texts = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                texts.setdefault(record["author"], []).append(record["text"])
    return [(texts[:K], [t for t in texts[K:] if len(t.split()) >= MIN_WORDS]) for texts in texts.values() if len(texts) > K]


def main(paths):
    for path in paths:
        authors = authors_of(path)
        train = [t for profile, _ in authors for t in profile]
        train_labels = [i for i, (profile, _) in enumerate(authors) for _ in profile]
        queries = [t for _, qs in authors for t in qs]
        query_labels = np.array([i for i, (_, qs) in enumerate(authors) for _ in qs])
        features = make_union(
            TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True, lowercase=False, min_df=2),
            TfidfVectorizer(analyzer="word", sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|[^\w\s]"),
        )
        matrix = features.fit_transform(train + queries)
        classifier = LinearSVC(C=1).fit(matrix[: len(train)], train_labels)
        decisions = classifier.decision_function(matrix[len(train):])
        top1 = float(np.mean(np.argmax(decisions, 1) == query_labels))
        own = np.zeros_like(decisions)
        own[np.arange(len(query_labels)), query_labels] = 1
        auc = roc_auc_score(own.ravel(), decisions.ravel())
        print(json.dumps({"file": path, "authors": len(authors), "queries": len(queries), "top1": round(top1, 3), "auc": round(auc, 3)}))


if __name__ == "__main__":
    main(sys.argv[1:])
