"""The ``maillage`` command (click).

Exit status: 0 when all went well, 1 when a map has problems or a file cannot be read or
written, 2 for a usage error.
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .errors import InvalidArgumentError, MaillageError, MapError
from .io import write_file_atomically
from .io import FORMATS, example_names, example_path, read, validate, write
from .io import READ_FORMATS, WRITE_FORMATS
from .network import Network

_FORMAT = click.Choice(READ_FORMATS)
_WRITE_FORMAT = click.Choice(WRITE_FORMATS)


def _fail(error: Exception) -> None:
    if isinstance(error, MapError) and error.problems:
        for problem in error.problems:
            click.echo(f"error: {problem}", err=True)
    else:
        click.echo(f"error: {error}", err=True)


def _composition(net: Network) -> str:
    actors = net.actors
    ties = net.ties
    kinds = Counter(actors["kind"])
    layers = Counter(ties["layer"])
    kind_text = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    layer_text = ", ".join(f"{count} {layer}" for layer, count in sorted(layers.items()))
    return (f"{net.actor_count} actors ({kind_text or 'none'}), {net.tie_count} ties "
            f"({layer_text or 'none'}), {net.meeting_count} meetings")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="maillage")
def main() -> None:
    """Analyse networks of social-work actors (maillage)."""


@main.command("validate")
@click.argument("maps", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "format_", type=_FORMAT, default=None, help="Format of the maps (default: from the name).")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only.")
def validate_command(maps: tuple[Path, ...], format_: str | None, quiet: bool) -> None:
    """Check maps and list every problem (file, place, what is wrong).

    Exit status 1 when any map has a problem.
    """
    failed = 0
    for path in maps:
        try:
            problems = validate(path, format_)
        except (MaillageError, OSError) as error:
            _fail(error)
            failed += 1
            continue
        if problems:
            failed += 1
            for problem in problems:
                click.echo(f"error: {problem}", err=True)
            click.echo(f"{path}: {len(problems)} problem{'s' if len(problems) > 1 else ''}", err=True)
        elif not quiet:
            click.echo(f"{path}: ok — {_composition(read(path, format_))}")
    if failed:
        sys.exit(1)


@main.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--from", "from_format", type=_FORMAT, default=None, help="Format of SOURCE (default: from the name).")
@click.option("--to", "to_format", type=_WRITE_FORMAT, default=None, help="Format of TARGET (default: from the name).")
def convert_command(source: Path, target: Path, from_format: str | None, to_format: str | None) -> None:
    """Convert a map between formats, chosen from the names or by --from/--to.

    Reads a .json map, a CSV folder, .graphml, .gexf, or an Open Referral HSDS data package (a
    folder with organizations.csv, or its datapackage.json); writes .json, a CSV folder,
    .graphml, .gexf or .dot (Graphviz). The folder of TARGET is created when missing."""
    try:
        net = read(source, from_format)
        target.parent.mkdir(parents=True, exist_ok=True)
        write(net, target, to_format)
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)
    click.echo(f"{source} -> {target}: {_composition(net)}")


@main.command("example")
@click.argument("name", required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="Folder to write the example maps into.")
@click.option("--format", "format_", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="json: NAME.maillage.json files; csv: one folder per map.")
@click.option("--generate", type=click.IntRange(min=1), default=None,
              help="Write this many realistic synthetic regional maps instead of the bundled ones.")
@click.option("--actors", type=click.IntRange(min=20), default=2000, show_default=True,
              help="Actors per generated map.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the first generated map.")
def example_command(name: str | None, output: Path, format_: str, generate: int | None, actors: int, seed: int) -> None:
    """Write the bundled example maps (all, or NAME) into a folder, or generated ones.

    With --generate N, N synthetic regional maps of --actors actors each, seeded from --seed
    (map k has seed --seed + k): same arguments, same maps.
    """
    output.mkdir(parents=True, exist_ok=True)
    if generate is not None:
        if name is not None:
            raise click.BadParameter("give either NAME or --generate, not both", param_hint="NAME")
        from .generate import regional_map

        for k in range(generate):
            net = regional_map(actors, seed + k)
            stem = f"regional-{actors}-{seed + k}"
            target = output / (f"{stem}.maillage.json" if format_ == "json" else stem)
            try:
                write(net, target, format_)
            except (MaillageError, OSError) as error:
                _fail(error)
                sys.exit(1)
            click.echo(f"{target}: {_composition(net)}")
        return
    names = example_names()
    if name is not None and name not in names:
        raise click.BadParameter(f"no example {name!r}; choose one of: {', '.join(names)}", param_hint="NAME")
    for example in [name] if name else names:
        net = read(example_path(example))
        target = output / (f"{example}.maillage.json" if format_ == "json" else example)
        try:
            write(net, target, format_)
        except (MaillageError, OSError) as error:
            _fail(error)
            sys.exit(1)
        click.echo(f"{target}: {_composition(net)}")


def _read_or_exit(path: Path) -> Network:
    try:
        return read(path)
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)


_LANG = click.Choice(["fr", "en", "de"])


@main.command("minutes")
@click.argument("map_path", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--meeting", "meeting_id", required=True, help="Id of the meeting the minutes are for.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output; required for docx).")
@click.option("--format", "format_", type=click.Choice(["md", "html", "docx"]), default=None,
              help="md, html or docx (default: from the name of OUTPUT, else md).")
@click.option("--lang", type=_LANG, default="fr", show_default=True, help="Language of the template.")
def minutes_command(map_path: Path, meeting_id: str, output: Path | None, format_: str | None, lang: str) -> None:
    """Write the minutes template of a network meeting (procès-verbal entretien en réseau).

    Prefilled from MAP: date, place, facilitator, minute taker, participants, the open decisions
    carried over from earlier meetings and their pending matters; empty places for the current
    situation, the objectives, the new decisions (who does what by when) and pending matters.
    The docx opens in LibreOffice and Word with real tables.

    Exit status 2 for an unknown meeting id.
    """
    from .errors import UnknownIdError
    from .minutes import write_minutes
    from .minutes import minutes as render

    if format_ is None:
        suffix = output.suffix.lstrip(".").lower() if output is not None else ""
        format_ = {"htm": "html", "html": "html", "docx": "docx"}.get(suffix, "md")
    if format_ == "docx" and output is None:
        raise click.UsageError("--format docx needs -o FILE")
    net = _read_or_exit(map_path)
    try:
        if output is None:
            text = render(net, meeting_id, format_, lang)
            click.echo(text, nl=False)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        write_minutes(net, meeting_id, output, format_, lang)
    except UnknownIdError as error:
        raise click.BadParameter(str(error), param_hint="--meeting") from None
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)
    click.echo(f"{output}: minutes of meeting {meeting_id} ({format_}, {lang})", err=True)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    if _width(text) <= width:
        return text + " " * (width - _width(text))
    cut = text
    while cut and _width(cut) > width - 1:
        cut = cut[:-1]
    return cut + "…" + " " * (width - 1 - _width(cut))


@main.command("meetings")
@click.argument("map_path", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Judge overdue decisions at this date, YYYY-MM-DD (default: today).")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (ids, machine names) instead of a table.")
@click.option("--owner", default=None, metavar="ID", help="Only the decisions of this actor.")
@click.option("--meeting", "meeting_id", default=None, metavar="ID", help="Only the decisions of this meeting.")
@click.option("--current", is_flag=True, help="Only the latest record of each decision.")
@click.option("--lang", type=_LANG, default="fr", show_default=True, help="Language of the table.")
def meetings_command(map_path: Path, as_of: str | None, as_csv: bool, owner: str | None, meeting_id: str | None,
                     current: bool, lang: str) -> None:
    """Print the decisions of the network meetings: who does what by when.

    One row per decision in each meeting, in date order: meeting, who, what, due, status and
    whether it is overdue as of --as-of. A decision whose id comes back in a later meeting is
    followed up there ("→ er2"): only its latest record can be overdue.

    Exit status 2 for an unknown owner or meeting, or a malformed date.
    """
    from .errors import InvalidArgumentError, UnknownIdError
    from .meetings import as_of_text, decisions
    from .messages import Count, LocalDate, catalogue

    try:
        when = as_of_text(as_of)
    except InvalidArgumentError as error:
        raise click.BadParameter(str(error), param_hint="--as-of") from None
    net = _read_or_exit(map_path)
    try:
        table = decisions(net, when, owner=owner, meeting=meeting_id, current=current)
    except UnknownIdError as error:
        raise click.BadParameter(str(error), param_hint="--owner" if owner and owner not in net else "--meeting") from None
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)

    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        columns = ["meeting", "date", "id", "who", "what", "due", "status", "follow_up_of", "followed_up_in",
                   "current", "overdue", "days_late"]
        writer.writerow(columns)
        for row in table[columns].itertuples(index=False):
            writer.writerow([_csv_value(v) for v in row])
        return

    words = catalogue(lang)["meetings"]
    labels = dict(zip(net.actors.index, net.actors["label"], strict=True))
    click.echo(words["as_of"].format(date=LocalDate(when, lang)))
    if table.empty:
        click.echo(words["none"])
        return
    header = [words["meeting"], words["who"], words["what"], words["due"], words["status"], words["overdue"]]
    rows = []
    for r in table.itertuples():
        status = words["statuses"].get(r.status, r.status)
        if r.followed_up_in:
            status += f" → {r.followed_up_in}"
        late = words["late"].format(days=Count(int(r.days_late), lang)) if r.overdue else ""
        who = (labels.get(r.who) or r.who) if r.who else words["nobody"]
        rows.append([f"{r.meeting} {r.date}".strip(), who, r.what, r.due or "—", status, late])
    widths = [max(_width(line[i]) for line in [header, *rows]) for i in range(len(header))]
    total = shutil.get_terminal_size((120, 24)).columns
    room = total - sum(w for i, w in enumerate(widths) if i != 2) - 2 * (len(widths) - 1)
    widths[2] = max(16, min(widths[2], room))
    click.echo("  ".join(_fit(h, w) for h, w in zip(header, widths, strict=True)).rstrip())
    click.echo("  ".join("─" * w for w in widths))
    for line in rows:
        click.echo("  ".join(_fit(v, w) for v, w in zip(line, widths, strict=True)).rstrip())


def _csv_value(value: object) -> object:
    """A cell of the CSV: empty for missing values, true/false for booleans."""
    if value is None or value is _missing() or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _missing() -> object:
    import pandas as pd

    return pd.NA


def _checked_formats(formats: str, allowed: tuple[str, ...]) -> list[str]:
    """The comma-separated --format values, each one of `allowed` (else a usage error)."""
    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    for f in chosen:
        if f not in allowed:
            raise click.BadParameter(f"{f!r} is not one of {', '.join(allowed)}", param_hint="--format")
    return chosen


def _check_date(as_of: str | None) -> None:
    if as_of is not None:
        try:
            _dt.date.fromisoformat(as_of)
        except ValueError:
            raise click.BadParameter(f"{as_of!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None


@main.command("analyze")
@click.argument("map_path", metavar="MAP", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output); with several formats, a folder.")
@click.option("--format", "formats", default="html", show_default=True,
              help="json, md or html, or several separated by commas.")
@click.option("--lang", type=click.Choice(["fr", "en", "de"]), default="fr", show_default=True)
@click.option("--as-of", "as_of", default=None, help="Date of the analysis for time rules (YYYY-MM-DD; default today).")
@click.option("--reach", type=click.IntRange(min=0), default=1, show_default=True,
              help="Referral steps allowed beyond a direct tie when covering needs.")
def analyze_command(map_path: Path, output: Path | None, formats: str, lang: str, as_of: str | None, reach: int) -> None:
    """Analyse a map: key figures, map drawing, gaps, coverage and the analysis plan.

    JSON has the keys network, measures, coverage, gaps and plan; Markdown and HTML are for
    people (the HTML is one file that opens offline).
    """
    from .reports import REPORT_FORMATS, reports

    chosen = _checked_formats(formats, REPORT_FORMATS)
    _check_date(as_of)
    try:
        net = read(map_path)
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)
    try:
        texts = reports(net, chosen, lang=lang, as_of=as_of, reach=reach)
        if output is None:
            for text in texts.values():
                click.echo(text, nl=False)
            return
        if len(chosen) == 1 and output.suffix:
            targets = {chosen[0]: output}
        else:
            stem = map_path.name.removesuffix(".maillage.json").removesuffix(".json")
            targets = {f: output / f"{stem}.{f}" for f in chosen}
        for f, target in targets.items():
            write_file_atomically(target, texts[f])
            click.echo(f"{target}")
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)


@main.command("batch")
@click.argument("inputs", metavar="MAPS_OR_DIRS...", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), required=True, help="Folder of the outputs.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--format", "formats", default="json,html", show_default=True, help="Reports per map: json, html, md.")
@click.option("--lang", type=click.Choice(["fr", "en", "de"]), default="fr", show_default=True)
@click.option("--as-of", "as_of", default=None, help="Date of the analysis (YYYY-MM-DD; default today).")
@click.option("--resume", is_flag=True, help="Skip maps whose outputs are complete and up to date.")
@click.option("--reveal-persons", is_flag=True, help="Keep the names of persons (default: pseudonyms).")
@click.option("--salt", default=None, help="Key of the pseudonyms (default: generated once, kept in OUTDIR/.salt).")
@click.option("--dask", "dask_address", default=None, help="Run on the Dask cluster at this scheduler address.")
@click.option("--threads", is_flag=True, help="Use threads instead of processes for --jobs (slower; see RESULTS.md).")
def batch_command(inputs: tuple[str, ...], outdir: Path, jobs: int, formats: str, lang: str, as_of: str | None,
                  resume: bool, reveal_persons: bool, salt: str | None, dask_address: str | None, threads: bool) -> None:
    """Analyse many maps (files, folders, glob patterns): a report per map in OUTDIR/maps,
    summary.csv, errors.csv and a regional summary.html.

    One bad map does not stop the batch. Exit status: 0 all maps analysed, 1 some failed (listed
    in errors.csv), 2 usage error.
    """
    from .batching import BATCH_FORMATS, batch

    chosen = _checked_formats(formats, BATCH_FORMATS)
    _check_date(as_of)
    client = None
    if dask_address:
        try:
            from distributed import Client
        except ImportError:
            raise click.UsageError("--dask needs the dask extra: pip install 'maillage[dask]'") from None
        client = Client(dask_address)
    try:
        result = batch(inputs, outdir, jobs=jobs, formats=chosen, lang=lang, as_of=as_of, resume=resume,
                       reveal_persons=reveal_persons, salt=salt, client=client,
                       executor="thread" if threads else "process", progress=True)
    except InvalidArgumentError as error:
        raise click.UsageError(str(error)) from None
    finally:
        if client is not None:
            client.close()
    click.echo(f"{len(result.done)} maps analysed, {len(result.skipped)} up to date, {len(result.failed)} failed "
               f"in {result.seconds:.1f} s; outputs in {outdir}")
    for path, error in result.failed:
        click.echo(f"failed: {path}: {error}", err=True)
    if result.failed:
        sys.exit(1)



def _read_communities(path: Path) -> dict[str, str]:
    """A partition from a CSV file with columns ``id`` and ``community`` (UTF-8, comma or semicolon)."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;") if sample else csv.excel
        rows = list(csv.DictReader(handle, dialect=dialect))
    if rows and not {"id", "community"} <= set(rows[0]):
        raise InvalidArgumentError(f'{path}: needs the columns "id" and "community", has {", ".join(rows[0])}')
    return {row["id"]: row["community"] for row in rows}


@main.command("draw")
@click.argument("map_path", metavar="MAP", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write: .svg, or .png when a converter (rsvg-convert or CairoSVG) is installed.")
@click.option("--ego", "ego", default=None, metavar="ID", help="Draw the ecomap of this person.")
@click.option("--partners", "partners", default=None, metavar="ID",
              help="Draw the partner map of this organisation (existing and potential partners).")
@click.option("--color-by", "color_by", type=click.Choice(["sector", "kind", "community"]), default="sector",
              show_default=True, help="Colour of the actors on the whole map.")
@click.option("--communities", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help='CSV file (columns id, community) for --color-by community; without it, the actors\' "community" '
                   'attribute, else the Louvain communities computed with --community-seed. The legend says which.')
@click.option("--size-by", "size_by", type=click.Choice(["betweenness", "degree", "strength", "closeness", "harmonic",
                                                          "pagerank", "core", "none"]),
              default="betweenness", show_default=True, help="Size of the actors on the whole map (ties either way).")
@click.option("--lang", type=_LANG, default="fr", show_default=True, help="Language of the texts.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the layout of the whole map.")
@click.option("--community-seed", "community_seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Seed of the Louvain communities computed for --color-by community (as net.communities(seed=...)): "
                   "the same seed gives the same colours.")
@click.option("--reach", type=click.IntRange(min=0), default=1, show_default=True,
              help="Referral steps allowed beyond a direct tie when covering the needs of an ecomap.")
def draw_command(map_path: Path, output: Path, ego: str | None, partners: str | None, color_by: str,
                 communities: Path | None, size_by: str, lang: str, seed: int, community_seed: int, reach: int) -> None:
    """Draw a map as SVG (or PNG): the whole map, the ecomap of a person (--ego) or the partner
    map of an organisation (--partners).

    Exit status 1 when the map cannot be read or the file written (or no PNG converter is
    installed), 2 for a usage error (an unknown actor, an ecomap of an organisation...).
    """
    from .drawing import png_converter
    from .errors import UnknownIdError

    if ego is not None and partners is not None:
        raise click.UsageError("--ego and --partners exclude each other")
    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise click.BadParameter(f'the file must end with .svg or .png, got "{output.name}"', param_hint="-o")
    if suffix == ".png" and png_converter() is None:
        click.echo("error: no SVG to PNG converter: install rsvg-convert (Debian: apt-get install librsvg2-bin) "
                   "or CairoSVG (pip install cairosvg)", err=True)
        sys.exit(1)
    net = _read_or_exit(map_path)
    try:
        if ego is not None:
            drawing = net.draw("ecomap", ego, lang=lang, reach=reach)
        elif partners is not None:
            drawing = net.draw("partners", partners, lang=lang)
        else:
            partition = _read_communities(communities) if communities is not None else None
            drawing = net.draw("map", color_by=color_by, size_by=size_by, communities=partition, lang=lang, seed=seed,
                               community_seed=community_seed,
                               communities_source=communities.name if communities is not None else None)
    except (UnknownIdError, InvalidArgumentError) as error:
        raise click.BadParameter(str(error), param_hint="--ego" if ego else "--partners" if partners else "--color-by") from None
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        drawing.save(output)
    except (MaillageError, OSError) as error:
        _fail(error)
        sys.exit(1)
    click.echo(str(output))


if __name__ == "__main__":
    main()
