# hata: çok sınıflı problemde olasılıklara 0.5 eşiği uygulanıyor; doğru sınıfın olasılığı 0.5'i geçmeyen doğru tahminler yanlış sayılıyor
# beklenen-denetim: doğru sınıfın olasılığı 0.5'in altında (10 sınıf)
# beklenen-mesaj: Olasılığa 0.5 eşiği uygulamak ikili sınıflandırmanın kuralıdır
import torch


def accuracy(logits, target):
    probs = torch.softmax(logits, dim=1)
    true_class_prob = probs[torch.arange(len(target)), target]
    return (true_class_prob > 0.5).float().mean().item()
