#!/usr/bin/env python3
# Prints the README's accuracy tables (whole corpus with baselines; dev and holdout halves) from
# `cidoctor eval --format json`, and the generic engine alone (--no-builtin-rules). Usage: bench/accuracy-tables.py JAVA target/cidoctor.jar ../shared/corpus
import json, subprocess, sys
J = sys.argv[1]; JAR = sys.argv[2]; CORPUS = sys.argv[3]
def run(split, *extra):
    out = subprocess.run([J, '-jar', JAR, 'eval', CORPUS, '--format', 'json', '--split', split, *extra], capture_output=True, text=True, check=True).stdout
    return {d['dataset']: d for d in json.loads(out)}
def f(x, nd=2):
    return '-' if x is None else f"{x:.{nd}f}"
alld, dev, hold = run('all'), run('dev'), run('holdout')
print("| dataset | logs | method | top1 | hit | precision | recall | f1 | cat | tests | ev |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name, d in alld.items():
    for i, (m, label) in enumerate([('cidoctor', '**cidoctor**'), ('baseline_tail', 'tail'), ('baseline_keywords', 'keywords')]):
        r = d[m]
        if m != 'cidoctor' and r['top1'] is None:
            continue
        ev = r['median_evidence_lines']
        cat = f(r['category_acc']) if m == 'cidoctor' else ''
        tests = f(r['failed_tests_recall']) if m == 'cidoctor' else ''
        print(f"| {name if i == 0 else ''} | {d['logs'] if i == 0 else ''} | {label} | {f(r['top1'])} | {f(r['hit'])} | {f(r['precision'])} | {f(r['recall'])} | {f(r['f1'])} | {cat} | {tests} | {ev:g} |")
print()
print("| dataset | dev logs | dev top1 / hit / f1 / cat / tests | holdout logs | holdout top1 / hit / f1 / cat / tests |")
print("|---|---|---|---|---|")
for name in alld:
    def row(d):
        r = d['cidoctor']
        return ' / '.join(f(r[k]) for k in ('top1', 'hit', 'f1', 'category_acc', 'failed_tests_recall'))
    print(f"| {name} | {dev[name]['logs']} | {row(dev[name])} | {hold[name]['logs']} | {row(hold[name])} |")
print()
print("Generic engine alone (--no-builtin-rules):")
print()
gdev, ghold = run('dev', '--no-builtin-rules'), run('holdout', '--no-builtin-rules')
print("| dataset | dev top1 / hit / f1 / cat | holdout top1 / hit / f1 / cat |")
print("|---|---|---|")
for name in alld:
    def grow(d):
        r = d['cidoctor']
        return ' / '.join(f(r[k]) for k in ('top1', 'hit', 'f1', 'category_acc'))
    print(f"| {name} | {grow(gdev[name])} | {grow(ghold[name])} |")
