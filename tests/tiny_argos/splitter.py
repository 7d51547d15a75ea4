"""Build a rule-based sentence splitter as a MiniSBD-compatible ONNX file.

argostranslate 1.11 splits sentences with MiniSBD whenever a package contains a
`minisbd/` folder holding an `*.onnx` file (it passes that file path straight to
`minisbd.SBDetect`, so nothing is downloaded).  MiniSBD feeds the model
character ids (`units`, int64 [B, N]) plus per-character features
(`features`, float32 [B, N, F]) and takes argmax over 5 classes per character:
0 = inside a token, 1 = end of token, 2 = end of sentence (3/4 = MWT variants).
The vocabulary, config and lexicon are read from the ONNX metadata.

Instead of a trained network, this graph encodes one rule with a couple of
lookup tables:
    a character in ".!?" that is followed by whitespace (or the end of the
    paragraph) ends a sentence; any other non-space character followed by
    whitespace/end ends a token.

Only `onnx` is needed to build the file (build time); argostranslate already
depends on minisbd -> onnxruntime to run it.
"""

from __future__ import annotations

import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SENTENCE_END_CHARS = ".!?"
# MiniSBD maps every whitespace char to " " and unknown chars to <UNK>.
ID2UNIT = ["<PAD>", "<UNK>", " "] + list(SENTENCE_END_CHARS)


def build_rule_sbd_model(path: str, lang_code: str) -> None:
    unit2id = {u: i for i, u in enumerate(ID2UNIT)}
    vocab_size = len(ID2UNIT)

    is_end = np.zeros(vocab_size, np.float32)
    for c in SENTENCE_END_CHARS:
        is_end[unit2id[c]] = 1.0
    is_space = np.zeros(vocab_size, np.float32)
    is_space[unit2id[" "]] = 1.0
    is_space_or_pad = is_space.copy()
    is_space_or_pad[unit2id["<PAD>"]] = 1.0

    inits = [
        numpy_helper.from_array(is_end, "tbl_end"),
        numpy_helper.from_array(is_space, "tbl_space"),
        numpy_helper.from_array(is_space_or_pad, "tbl_space_or_pad"),
        numpy_helper.from_array(np.array([0], np.int64), "i0"),
        numpy_helper.from_array(np.array([1], np.int64), "i1"),
        numpy_helper.from_array(np.array([2**62], np.int64), "imax"),
        numpy_helper.from_array(np.array([-1], np.int64), "axis_last"),
        numpy_helper.from_array(np.array(1.0, np.float32), "one"),
        numpy_helper.from_array(np.array(0.0, np.float32), "zero"),
    ]
    n = helper.make_node
    nodes = [
        n("Gather", ["tbl_end", "units"], ["end"], axis=0),  # [B,N]
        n("Gather", ["tbl_space", "units"], ["space"], axis=0),
        n("Gather", ["tbl_space_or_pad", "units"], ["sp"], axis=0),
        # next_sp[:, i] = sp[:, i+1]; the position after the last one counts as "end"
        n("Slice", ["sp", "i1", "imax", "i1"], ["sp_tail"]),
        n("Slice", ["sp", "i0", "i1", "i1"], ["sp_head"]),
        n("Mul", ["sp_head", "zero"], ["zcol"]),
        n("Add", ["zcol", "one"], ["ones_col"]),
        n("Concat", ["sp_tail", "ones_col"], ["next_sp"], axis=1),
        # class scores (0/1 indicators, argmax picks the active one)
        n("Mul", ["end", "next_sp"], ["c2"]),  # sentence end
        n("Sub", ["one", "space"], ["not_space"]),
        n("Sub", ["one", "c2"], ["not_c2"]),
        n("Mul", ["next_sp", "not_space"], ["tok_end_any"]),
        n("Mul", ["tok_end_any", "not_c2"], ["c1"]),  # token end
        n("Sub", ["not_c2", "c1"], ["c0"]),  # inside token
        n("Mul", ["c2", "zero"], ["c_zero"]),
        n("Unsqueeze", ["c0", "axis_last"], ["u0"]),
        n("Unsqueeze", ["c1", "axis_last"], ["u1"]),
        n("Unsqueeze", ["c2", "axis_last"], ["u2"]),
        n("Unsqueeze", ["c_zero", "axis_last"], ["u3"]),
        n("Concat", ["u0", "u1", "u2", "u3", "u3"], ["logits"], axis=2),
    ]
    graph = helper.make_graph(
        nodes,
        "rule_sbd",
        inputs=[
            helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "N"]),
            # MiniSBD always passes `features`; the rule ignores them.
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "N", 1]),
        ],
        outputs=[helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "N", 5])],
        initializer=inits,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 13)],
        producer_name="argos-proto-rule-sbd",
    )
    model.ir_version = 8  # readable by any recent onnxruntime
    config = {
        "skip_newline": False,
        "max_seqlen": 1000,
        "no_ssplit": False,
        "batch_size": 16,
        "feat_funcs": ["space_before"],  # -> features of width 1
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    vocab = {
        "lang": lang_code,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": unit2id,
        "_id2unit": ID2UNIT,
    }
    helper.set_model_props(
        model,
        {
            "lang_code": lang_code,
            "config": json.dumps(config),
            "vocab": json.dumps(vocab),
            "lexicon": "null",
        },
    )
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":  # quick self-test
    import sys
    import tempfile

    from minisbd import SBDetect

    with tempfile.TemporaryDirectory() as d:
        p = f"{d}/xx.onnx"
        build_rule_sbd_model(p, "xx")
        det = SBDetect(p, use_gpu=False)
        for text in sys.argv[1:] or [
            "Lo mivo taki vidas lo pilu. Un kanu dormas!  Ĉu lo pilu kantas? 3.14 ne estas fino",
            "Only one sentence.",
            "no punctuation at all",
        ]:
            print(repr(text), "->", det.sentences(text))
