"""The comparison messages say what a learner needs to fix, as precisely as assert_close."""

from __future__ import annotations

import torch

from tutor.grading.compare import RemoteOther, RemoteTensor, check_tensor, format_index


def remote(t: torch.Tensor, device: str = "cpu", requires_grad: bool = False) -> RemoteTensor:
    return RemoteTensor(t, device, requires_grad)


def test_value_mismatch_names_count_largest_difference_index_and_tolerances():
    expected = torch.zeros(3, 4)
    got = expected.clone()
    got[1, 2] = 0.5
    got[2, 3] = 0.25
    message = check_tensor(remote(got), expected, "Çıktı")
    assert "12 elemandan 2 tanesi (%16,7) tolerans dışında" in message
    assert "En büyük mutlak fark 0.5, [1, 2] konumunda (beklenen 0, gelen 0.5)" in message
    assert "atol=1e-05, rtol=0.0001" in message


def test_shape_dtype_and_device_are_checked_before_values():
    expected = torch.zeros(2, 3)
    assert "şekil farklı; beklenen (2, 3), gelen (3, 2)" in check_tensor(
        remote(torch.zeros(3, 2)), expected, "Çıktı"
    )
    assert "veri tipi farklı; beklenen torch.float32, gelen torch.float64" in check_tensor(
        remote(torch.zeros(2, 3, dtype=torch.float64)), expected, "Çıktı"
    )
    message = check_tensor(
        remote(torch.zeros(2, 3), device="cpu"), expected, "Çıktı", expected_device="cuda:0"
    )
    assert "cihaz farklı; beklenen cuda:0, gelen cpu" in message


def test_nan_and_inf_are_named_with_their_first_position():
    expected = torch.ones(2, 2)
    got = torch.tensor([[1.0, float("nan")], [float("nan"), 1.0]])
    assert "2 değer NaN (ilki [0, 1] konumunda), oysa beklenen değerler sonlu" in check_tensor(
        remote(got), expected, "Çıktı"
    )
    got = torch.tensor([[1.0, 1.0], [float("-inf"), 1.0]])
    assert "1 değer sonsuz (Inf) (ilki [1, 0] konumunda)" in check_tensor(
        remote(got), expected, "Çıktı"
    )


def test_expected_infinities_must_match():
    expected = torch.tensor([0.0, float("-inf")])
    assert check_tensor(remote(torch.tensor([0.0, float("-inf")])), expected, "Çıktı") is None
    message = check_tensor(remote(torch.tensor([0.0, -100.0])), expected, "Çıktı")
    assert "[1] konumunda -inf bekleniyordu, -100.0 geldi" in message


def test_non_tensor_results_are_named():
    assert "tensör bekleniyordu, float geldi" in check_tensor(0.5, torch.tensor(0.5), "Çıktı")
    assert "tensör bekleniyordu, list geldi" in check_tensor([1, 2], torch.tensor([1, 2]), "Çıktı")
    assert "tensör bekleniyordu, MyThing geldi" in check_tensor(
        RemoteOther("MyThing", ""), torch.tensor(1), "Çıktı"
    )


def test_integer_results_are_compared_exactly():
    message = check_tensor(remote(torch.tensor([1, 0, 3])), torch.tensor([1, 2, 3]), "Çıktı")
    assert "3 elemandan 1 tanesi farklı; ilki [1] konumunda (beklenen 2, gelen 0)" in message


def test_indices_are_formatted_like_pytorch():
    assert format_index(5, (2, 3)) == "[1, 2]"
    assert format_index(0, ()) == "[]"


def test_a_zero_dim_result_is_described_as_one_number():
    message = check_tensor(remote(torch.tensor(2.5)), torch.tensor(1.25), "Kayıp")
    assert message.startswith("Kayıp: beklenen 1.25, gelen 2.5 (mutlak fark 1.25;")
