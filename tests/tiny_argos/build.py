"""Build a tiny, fully offline argostranslate package between it, en and de.

Steps: synthetic parallel data (synthetic.py) -> SentencePiece model (Marian id
layout) -> tiny MarianMT model trained on CPU -> CTranslate2 conversion ->
rule-based MiniSBD splitter (splitter.py) -> metadata.json -> .argosmodel.

Deterministic: fixed seeds, single-threaded torch/SentencePiece, fixed zip
timestamps. Nothing is downloaded. Runs in its own environment with torch
(`make tiny-packages`, scripts/build_tiny_argos.sh), never in Lotse's.

Usage: python build.py --source it --target en [--out DIR] [--steps N]
(the packages Lotse's tests use: it -> en, en -> it, en -> de)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

# Everything is local: make any accidental Hugging Face hub access fail fast.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
import sentencepiece as spm  # noqa: E402
import torch  # noqa: E402
from splitter import build_rule_sbd_model  # noqa: E402
from synthetic import sentences, translate_reference  # noqa: E402

NAMES = {
    "it": "Italian (tiny synthetic test model)",
    "en": "English",
    "de": "German (tiny synthetic test model)",
}
FROM_CODE, TO_CODE = "it", "en"  # set by main() from --source/--target
PACKAGE_VERSION = "1.0"
SEED = 1234
THREADS = 1  # 1 thread: reproducible, and faster than 2 on a busy 2-core box
N_TRAIN, N_HELDOUT = 600, 200

T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", flush=True)


# --------------------------------------------------------------------------- data
def make_data():
    """(source, target) pairs of generated sentences; held-out ones never in training."""
    train = sentences(N_TRAIN, seed=SEED)
    heldout = sentences(N_HELDOUT, seed=SEED + 1, exclude={s["it"] for s in train})
    assert all(translate_reference(s["it"]) == s["en"] for s in train + heldout)
    return [[(s[FROM_CODE], s[TO_CODE]) for s in group] for group in (train, heldout)]


# ------------------------------------------------------------------ sentencepiece
def train_sentencepiece(pairs, prefix: Path) -> spm.SentencePieceProcessor:
    """One joint SentencePiece model for both sides, in Marian's id layout:
    </s>=0, <unk>=1, pieces..., and <pad> appended as the LAST id (added
    outside SentencePiece, in vocab.json / the model's embedding table)."""
    lines = [s for pair in pairs for s in pair]
    model = io.BytesIO()  # (a model_prefix would embed the temp path -> non-reproducible file)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type="bpe",  # BPE at 200 pieces = whole-word pieces for every known word
        vocab_size=200,
        hard_vocab_limit=False,
        character_coverage=1.0,
        # "identity" drops the ~240 KB NFKC table from sentencepiece.model
        normalization_rule_name="identity",
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    Path(str(prefix) + ".model").write_bytes(model.getvalue())
    return spm.SentencePieceProcessor(model_proto=model.getvalue())


def write_marian_tokenizer_files(
    sp: spm.SentencePieceProcessor, sp_model: Path, hf_dir: Path
) -> int:
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    (hf_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=0))
    shutil.copy(sp_model, hf_dir / "source.spm")
    shutil.copy(sp_model, hf_dir / "target.spm")
    (hf_dir / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "MarianTokenizer",
                "source_lang": FROM_CODE,
                "target_lang": TO_CODE,
                "eos_token": "</s>",
                "unk_token": "<unk>",
                "pad_token": "<pad>",
                "model_max_length": 512,
                "separate_vocabs": False,
            }
        )
    )
    return pad_id


# ------------------------------------------------------------------------ model
def train_marian(pairs, sp, pad_id: int, steps: int, hf_dir: Path):
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(THREADS)  # fixed thread count -> reproducible results
    torch.use_deterministic_algorithms(True)

    config = MarianConfig(
        vocab_size=pad_id + 1,
        decoder_vocab_size=pad_id + 1,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=256,
        decoder_ffn_dim=256,
        max_position_embeddings=1024,
        activation_function="swish",
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=pad_id,
        eos_token_id=0,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=0,
        bos_token_id=None,
    )
    model = MarianMTModel(config)
    n_params = sum(p.numel() for p in model.parameters())
    log(f"MarianMT model: {n_params:,} parameters (vocab {pad_id + 1})")

    emb = model.get_input_embeddings().weight

    def zero_pad_row():
        # CTranslate2 starts the Marian decoder from a ZERO embedding (and drops
        # the <pad> row). Transformers starts it from embedding[<pad>]. The pad
        # row of the tied embedding/output matrix gets gradient through the
        # output layer, so force it back to zero to keep both identical.
        with torch.no_grad():
            emb[pad_id].zero_()

    zero_pad_row()

    src = [sp.encode(x) + [0] for x, _ in pairs]  # + </s>
    tgt = [sp.encode(e) + [0] for _, e in pairs]

    def batch(idx):
        ls = max(len(src[i]) for i in idx)
        lt = max(len(tgt[i]) for i in idx)
        inp = torch.full((len(idx), ls), pad_id)
        lab = torch.full((len(idx), lt), -100)
        for r, i in enumerate(idx):
            inp[r, : len(src[i])] = torch.tensor(src[i])
            lab[r, : len(tgt[i])] = torch.tensor(tgt[i])
        return inp, (inp != pad_id).long(), lab

    bs, lr, warmup = 32, 3e-3, 40
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=0.0)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.05, (steps - s) / (steps - warmup)))
    )
    rng = random.Random(SEED)
    order: list[int] = []
    model.train()
    for step in range(steps):
        if len(order) < bs:
            perm = list(range(len(pairs)))
            rng.shuffle(perm)
            order += perm
        idx, order = order[:bs], order[bs:]
        inp, mask, lab = batch(idx)
        loss = model(input_ids=inp, attention_mask=mask, labels=lab).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        zero_pad_row()
        if step % 100 == 0 or step == steps - 1:
            log(f"  step {step:4d}  loss {loss.item():.4f}")
    model.eval()
    model.save_pretrained(hf_dir)
    return n_params


# ---------------------------------------------------------------------- convert
def convert_ct2(hf_dir: Path, out_dir: Path, quantization: str | None):
    import ctranslate2

    conv = ctranslate2.converters.TransformersConverter(str(hf_dir))
    conv.convert(str(out_dir), quantization=quantization, force=True)


def evaluate_ct2(model_dir: Path, sp, pairs) -> tuple[float, list]:
    """Exact-match accuracy of the raw CTranslate2 model (beam 4, like argos)."""
    import ctranslate2

    tr = ctranslate2.Translator(str(model_dir), device="cpu")
    toks = [sp.encode(x, out_type=str) for x, _ in pairs]
    res = tr.translate_batch(toks, beam_size=4, length_penalty=0.2)
    outs = [sp.decode_pieces(r.hypotheses[0]) for r in res]
    errors = [(x, e, o) for (x, e), o in zip(pairs, outs, strict=True) if o != e]
    return 1 - len(errors) / len(pairs), errors


# ---------------------------------------------------------------------- package
def write_package(pkg_dir: Path, ct2_dir: Path, sp_model: Path, n_train: int, n_params: int):
    shutil.copytree(ct2_dir, pkg_dir / "model")
    # argostranslate looks for exactly this file name
    shutil.copy(sp_model, pkg_dir / "sentencepiece.model")
    # Offline sentence splitter: a `minisbd/*.onnx` file is passed as a file
    # path to MiniSBD (no download); see rule_sbd_onnx.py.
    (pkg_dir / "minisbd").mkdir()
    build_rule_sbd_model(str(pkg_dir / "minisbd" / f"{FROM_CODE}.onnx"), FROM_CODE)
    metadata = {
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.11.0",
        "from_code": FROM_CODE,
        "from_name": NAMES[FROM_CODE],
        "to_code": TO_CODE,
        "to_name": NAMES[TO_CODE],
        "type": "translate",
        "links": [],
    }
    (pkg_dir / "metadata.json").write_text(json.dumps(metadata, indent=4) + "\n")
    (pkg_dir / "README.md").write_text(
        f"# {NAMES[FROM_CODE]} -> {NAMES[TO_CODE]} (synthetic test package)\n\n"
        f"Tiny MarianMT model ({n_params:,} parameters) trained on {n_train} synthetic "
        "sentence pairs; CTranslate2 format; rule-based offline sentence splitter "
        "in minisbd/.\n"
    )


def zip_package(pkg_dir: Path, out_file: Path):
    """Deterministic zip: sorted entries, fixed timestamps, top-level folder."""
    with zipfile.ZipFile(out_file, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        paths = sorted(p for p in pkg_dir.rglob("*"))
        for p in paths:
            arc = f"{pkg_dir.name}/{p.relative_to(pkg_dir).as_posix()}"
            if p.is_dir():
                arc += "/"
            info = zipfile.ZipInfo(arc, date_time=(2024, 1, 1, 0, 0, 0))
            info.external_attr = (0o40755 << 16 | 0x10) if p.is_dir() else (0o100644 << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, b"" if p.is_dir() else p.read_bytes())


def main():
    global FROM_CODE, TO_CODE
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=sorted(NAMES), default="it")
    ap.add_argument("--target", choices=sorted(NAMES), default="en")
    ap.add_argument("--out", default=str(HERE / "dist"))
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--quantization", default="int8", choices=["int8", "float16", "float32"])
    ap.add_argument("--keep-work", action="store_true", help="keep the intermediate files")
    args = ap.parse_args()
    if args.source == args.target:
        ap.error("--source and --target must differ")
    FROM_CODE, TO_CODE = args.source, args.target
    pkg_name = f"translate-{FROM_CODE}_{TO_CODE}-{PACKAGE_VERSION.replace('.', '_')}"
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = {}

    work = Path(tempfile.mkdtemp(prefix="argos-build-", dir=out_dir))
    try:
        t = time.perf_counter()
        train, heldout = make_data()
        stem = f"{FROM_CODE}_{TO_CODE}"
        (out_dir / f"{stem}.train.tsv").write_text("".join(f"{x}\t{e}\n" for x, e in train))
        (out_dir / f"{stem}.heldout.tsv").write_text("".join(f"{x}\t{e}\n" for x, e in heldout))
        log(f"data: {len(train)} train / {len(heldout)} held-out pairs, e.g. {train[0]}")
        timings["data"] = time.perf_counter() - t

        t = time.perf_counter()
        hf_dir = work / "hf"
        hf_dir.mkdir()
        sp = train_sentencepiece(train, work / "sp")
        pad_id = write_marian_tokenizer_files(sp, work / "sp.model", hf_dir)
        example = sp.encode(train[0][0], out_type=str)
        log(f"sentencepiece: {sp.get_piece_size()} pieces; e.g. {example}")
        timings["sentencepiece"] = time.perf_counter() - t

        t = time.perf_counter()
        n_params = train_marian(train, sp, pad_id, args.steps, hf_dir)
        timings["train"] = time.perf_counter() - t

        t = time.perf_counter()
        ct2_dir = work / "ct2"
        convert_ct2(hf_dir, ct2_dir, None if args.quantization == "float32" else args.quantization)
        timings["convert"] = time.perf_counter() - t
        log(f"converted to CTranslate2 ({args.quantization}): {sorted(os.listdir(ct2_dir))}")

        t = time.perf_counter()
        acc_train, err_train = evaluate_ct2(ct2_dir, sp, train)
        acc_held, err_held = evaluate_ct2(ct2_dir, sp, heldout)
        timings["evaluate"] = time.perf_counter() - t
        log(f"exact match (CTranslate2, beam 4): train {acc_train:.1%}  held-out {acc_held:.1%}")
        for x, e, o in (err_train + err_held)[:8]:
            log(f"  miss: {x!r} -> {o!r} (want {e!r})")

        t = time.perf_counter()
        pkg_dir = work / pkg_name
        pkg_dir.mkdir()
        write_package(pkg_dir, ct2_dir, work / "sp.model", len(train), n_params)
        out_file = out_dir / f"{pkg_name}.argosmodel"
        zip_package(pkg_dir, out_file)
        timings["package"] = time.perf_counter() - t
    finally:
        if args.keep_work:
            log(f"work files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    size = out_file.stat().st_size
    import hashlib

    digest = hashlib.sha256(out_file.read_bytes()).hexdigest()[:16]
    log("timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    log(f"total build time {time.perf_counter() - T0:.1f}s (incl. imports)")
    log(f"package: {out_file}  {size:,} bytes ({size / 1024:.0f} KiB)  sha256 {digest}")
    (out_dir / f"{FROM_CODE}_{TO_CODE}.report.json").write_text(
        json.dumps(
            {
                "package": str(out_file),
                "bytes": size,
                "sha256_16": digest,
                "params": n_params,
                "steps": args.steps,
                "quantization": args.quantization,
                "exact_match_train": acc_train,
                "exact_match_heldout": acc_held,
                "timings_s": {k: round(v, 2) for k, v in timings.items()},
                "total_s": round(time.perf_counter() - T0, 2),
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
