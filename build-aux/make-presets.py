#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the preset scenarios in data/scenarios/ from one table, so every preset lists every
lever and region the same way and says what it shows.

    build-aux/make-presets.py            # rewrite data/scenarios/*.lodestone

A preset states only what differs from the lever defaults (lode-levers.c); the file lists
every lever so that a reader sees the whole plan. Run it after changing a default or adding
a lever, region or preset, and commit the files it writes."""
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEVERS_C = os.path.join(ROOT, 'app', 'model', 'lode-levers.c')
DATASET = os.path.join(ROOT, 'data', 'reference-2024.xml')
OUT = os.path.join(ROOT, 'data', 'scenarios')
FORMAT_VERSION = 2

INSTRUMENTS = {
    # equity %, loan %: the rest is grants. Mines and refineries as Iluka's and Arafura's
    # public finance (loans, some equity); magnets as the DoD–MP package (equity and a loan);
    # metal as loans; recycling as grants.
    'mine': (30, 40), 'separation': (20, 50), 'metal': (0, 50), 'magnet': (40, 30),
    'recycling': (0, 0),
}


def instruments():
    out = {}
    for kind, (equity, loan) in INSTRUMENTS.items():
        out['fund.equity_pct.' + kind] = equity
        out['fund.loan_pct.' + kind] = loan
    return out


ALL_IMPORTERS = None  # every region but China

PRESETS = [
    {
        'id': 'baseline', 'title': 'Baseline', 'year': 2030, 'chart': 'china-free',
        'notes': (
            'What happens if the US does nothing new. Every announced project comes online with '
            'the usual schedule slip (1.5 years); the July 2025 Department of Defense package '
            'with MP Materials holds: a $110/kg NdPr price floor for ten years from 2025, the '
            'offtake of 10X\u2019s magnets for ten years from 2028 with its $140 million margin '
            'floor; the Section 301 tariff of 25 % on Chinese magnets applies. There is no US '
            'fund (the public money the figures count, its cost and net present value, is the '
            'DoD package\u2019s), '
            'no partner fund, no permitting reform and no export restriction. China\u2019s '
            'quotas keep growing as they did from 2014 to 2024, so NdPr stays near $45\u201350/kg. '
            'Compare every other plan against this one.'),
        'levers': {},
    },
    {
        'id': 'mine-to-magnet', 'title': 'Mine to Magnet', 'year': 2030, 'chart': 'china-free',
        'notes': (
            'A sovereign wealth fund push across the whole chain on top of the Baseline: $25 bn '
            'of public money over five years from 2026, split across mining (15 %), separation '
            '(35 %), metal making (15 %), magnet plants (30 %) and recycling (5 %), with 15 % of '
            'the upstream money for dysprosium and terbium and 5 % for samarium, one private '
            'dollar per public dollar, and permitting reform that takes three years off the '
            'permitting part of every new plant\u2019s lead time. The fund mixes instruments as '
            'public financiers do: 30 % equity and 40 % loans in mines, 20 % and 50 % in '
            'separation, 50 % loans in metal plants, 40 % equity and 30 % loans in magnet '
            'plants as in the DoD\u2013MP package; the rest of each stage, and all of '
            'recycling, are grants. It shows how fast public money can build a China-free chain, where the '
            'bottleneck moves, how much money the stages can absorb, and what the fund gets back.'),
        'levers': dict({
            'fund.size_busd': 25, 'fund.heavy_share_pct': 15, 'fund.sm_share_pct': 5,
            'policy.permitting_cut_years': 3,
        }, **instruments()),
    },
    {
        'id': 'allied-partnership', 'title': 'Allied Partnership', 'year': 2030,
        'chart': 'china-free',
        'notes': (
            'Build the chain with partners instead of alone. A $15 bn US fund over five years '
            'from 2026 puts half of its money into plants in allied regions (Australia, Japan, '
            'Malaysia, Canada and the European Union), and the US and its allies buy from allied '
            'sources first (friend-shoring preference 0.9). It explores whether co-investment '
            'reaches a China-free magnet supply sooner or more cheaply than building everything '
            'in the US, and how much of the result depends on partners staying allied.'),
        'levers': {
            'fund.size_busd': 15, 'partners.friendshoring': 0.9, 'partners.coinvest_pct': 50,
        },
    },
    {
        'id': 'allied-fund', 'title': 'Allied Fund', 'year': 2032, 'chart': 'china-free',
        'notes': (
            'The US fund and its partners\u2019 funds invest together. The US puts $20 bn over '
            'five years from 2026 into its own chain with the instrument mix of Mine to Magnet '
            '(equity and loans for most of each stage, grants for the rest and for recycling), '
            'a fifth of it into allied '
            'plants; Australia puts $3 bn, Japan $2 bn and the European Union $2 bn into their '
            'own plants over the same years (the October 2025 frameworks name at least $1 bn '
            'for Australia and no amounts for Japan; these are planning figures). Each pays for '
            'its own plants, so the US fund\u2019s accounts carry only US money. It shows what '
            'shared money buys in China-free magnets for the US and its partners, and at what '
            'net cost to the US taxpayer.'),
        'levers': dict({
            'fund.size_busd': 20, 'fund.heavy_share_pct': 15, 'fund.sm_share_pct': 5,
            'partners.coinvest_pct': 20, 'partners.friendshoring': 0.8,
            'partners.fund_au_busd': 3, 'partners.fund_jp_busd': 2, 'partners.fund_eu_busd': 2,
        }, **instruments()),
    },
    {
        'id': 'export-ban', 'title': 'Export Ban', 'year': 2028, 'chart': 'china-free',
        'targets': ['US', 'JP', 'EU'],
        'notes': (
            'The Baseline hit by a sweeping Chinese export restriction: from 2027, China '
            'withholds 80 % of its rare-earth exports at every stage and of its magnets from '
            'the US, Japan and the European Union for three years, and less each year after '
            '(half as much a year; the May 2025 controls cut magnet exports to the US by 93 % '
            'within two months). Nothing else changes: no '
            'fund, the announced projects with their usual slip, the DoD package. It shows how '
            'far prices outside China rise while China\u2019s stay low, how much demand is '
            'given up and how much the restricted buyers go without, how much of the gap '
            'allied producers fill, and what the shock leaves behind once it ends. The '
            'China-free share of US demand rises during the ban: allied output goes to the '
            'restricted buyers and high prices bring new capacity, while the US goes short; '
            'read it with the shortfall.'),
        'levers': {
            'shock.export_withheld_pct': 80, 'shock.start_year': 2027,
            'shock.duration_years': 3,
        },
    },
    {
        'id': 'controls-april-2025', 'title': 'Controls of April 2025', 'year': 2025,
        'chart': 'price', 'material': 'heavy', 'targets': ALL_IMPORTERS,
        'notes': (
            'China\u2019s export controls of 4 April 2025 (MOFCOM announcement 18): licences '
            'for samarium, dysprosium, terbium and four other medium and heavy rare earths and '
            'for magnets containing them, to every destination, with 45 working days per '
            'licence. Magnet exports fell 74 % in May (93 % to the US) and were back above '
            'the year before by July; over January\u2013September they were 7.5 % lower. Here '
            'China withholds 15 % of its Dy + Tb, samarium and magnet exports in 2025 and 2026 '
            'and licensing holds the rest back a month and a half each year, while buyers draw '
            'on a few months of their own stocks; NdPr itself is not controlled, but the '
            'Dy/Tb-grade NdFeB magnets are, and US magnet users go 4.2 kt (19 %) short in '
            '2025, 2.3 kt more than with the magnets spared. In 2025 the US '
            'receives none of the 866 t of China-free magnets Japan\u2019s makers sent it in '
            'the Baseline: with Chinese magnets withheld from Japan too, they serve Japanese '
            'buyers first. '
            'It shows the '
            'price of Dy + Tb outside China leaving the Chinese price behind, defence and EV '
            'magnet buyers short of China-free '
            'Dy/Tb-grade magnets, and what heavy separation outside China and grain-boundary '
            'diffusion are worth.'),
        'levers': {
            'shock.export_withheld_pct': 15, 'shock.start_year': 2025,
            'shock.duration_years': 2, 'shock.ndpr': 0, 'shock.heavy': 1, 'shock.sm': 1,
            'shock.magnets': 1, 'shock.licence_delay_months': 1.5,
        },
    },
    {
        'id': 'controls-october-2025', 'title': 'Controls of October 2025', 'year': 2027,
        'chart': 'price', 'material': 'heavy', 'targets': ALL_IMPORTERS,
        'notes': (
            'The extended controls of 9 October 2025 (MOFCOM announcements 55\u201362), as if '
            'they had not been suspended on 7 November 2025: on top of the April controls, '
            'five more rare earths, the technology to process them, and an extraterritorial '
            'rule that reaches magnets and parts made abroad with Chinese material. Here China '
            'withholds 30 % of its Dy + Tb, samarium and magnet exports for three years from '
            '2026 and licences hold the rest back three months a year: twice the April share, '
            'for three years instead of two. US magnet users go a quarter short in 2026 '
            '(5.9 kt) and still 16 % in 2028. The extraterritorial rule is on, but with every '
            'importer a target it changes nothing here: in the model it reaches plants outside '
            'the targets that buy Chinese material and sell on, and here there are none (switched '
            'on in the Export Ban, with three targets, it bites). It shows how much harder a deeper, '
            'longer restriction bites than the April controls, and which China-free capacity '
            'escapes it.'),
        'levers': {
            'shock.export_withheld_pct': 30, 'shock.start_year': 2026,
            'shock.duration_years': 3, 'shock.ndpr': 0, 'shock.heavy': 1, 'shock.sm': 1,
            'shock.magnets': 1, 'shock.licence_delay_months': 3, 'shock.extraterritorial': 1,
        },
    },
]


def read_levers():
    """(id, default, is_year) in the lever table's order."""
    text = open(LEVERS_C, encoding='utf-8').read()
    levers = []
    for m in re.finditer(r'\[LODE_LEVER_[A-Z0-9_]+\]\s*=\s*\{\s*"([a-z_.0-9]+)"(.*?)\},\n', text,
                         re.S):
        body = m.group(2)
        nums = re.search(r'LODE_LEVER_GROUP_[A-Z]+,\s*([^,]+),\s*([^,]+),\s*([^,]+),\s*([^,]+),'
                         r'\s*([^,]+),', body)
        levers.append((m.group(1), float(nums.group(5))))
    return levers


def read_regions():
    text = open(DATASET, encoding='utf-8').read()
    return re.findall(r'<region id="([A-Z]+)"[^>]*allied-default="(true|false)"', text)


def number(value):
    return ('%d' % value) if float(value).is_integer() else ('%g' % value)


def write(preset, levers, regions):
    values = {lid: default for lid, default in levers}
    values.update(preset['levers'])
    unknown = set(preset['levers']) - set(values)
    if unknown:
        sys.exit('make-presets: %s: unknown levers %s' % (preset['id'], ', '.join(unknown)))
    targets = preset.get('targets', ['US'])
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- A Lodestone scenario (preset): %s. Written by build-aux/make-presets.py; open it'
        % escape(preset['title']),
        '     with Lodestone. The format is described in docs/scenario-format.md. -->',
        '<scenario xmlns="https://lodestone.github.io/ns/scenario/1" format-version="%d">'
        % FORMAT_VERSION,
        '  <metadata>',
        '    <title>%s</title>' % escape(preset['title']),
        '    <notes>%s</notes>' % escape(preset['notes']),
        '  </metadata>',
        '  <dataset id="reference-2024" version="2.0"/>',
        '  <horizon year="2040"/>',
        '  <levers>',
    ]
    for lid, _ in levers:
        lines.append('    <lever id=%s value="%s"/>' % (quoteattr(lid), number(values[lid])))
    lines.append('  </levers>')
    lines.append('  <regions>')
    for rid, allied in regions:
        target = rid != 'CN' and (targets is ALL_IMPORTERS or rid in targets)
        if rid == 'CN':
            lines.append('    <region id="CN" ally="false" shock-target="false"/>')
        elif rid == 'US':
            lines.append('    <region id="%s" shock-target="%s"/>'
                         % (rid, 'true' if target else 'false'))
        else:
            lines.append('    <region id="%s" ally="%s" shock-target="%s"/>'
                         % (rid, allied, 'true' if target else 'false'))
    lines.append('  </regions>')
    # The material whose chain and prices tell the preset's story; NdPr when none is named.
    material = ' material="%s"' % preset['material'] if 'material' in preset else ''
    lines.append('  <view selected-year="%d" chart="%s"%s/>'
                 % (preset['year'], preset['chart'], material))
    lines.append('</scenario>')
    path = os.path.join(OUT, preset['id'] + '.lodestone')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    print('make-presets: wrote', os.path.relpath(path, ROOT))


def main():
    levers = read_levers()
    regions = read_regions()
    if len(levers) < 40 or len(regions) < 9:
        sys.exit('make-presets: could not read the lever table or the regions')
    for preset in PRESETS:
        write(preset, levers, regions)


if __name__ == '__main__':
    main()
